import ECSMapping
import KQL

/// Rules read documents through the same keyword view Elasticsearch indexes.
extension ECSDocument: KQLDocument {
    public func kqlValues(at path: String) -> [String] {
        keywordValues(at: path)
    }
}
