import ECSMapping
import EQL
import ESQL

/// EQL reads documents through the same keyword view as KQL, as Elasticsearch does.
extension ECSDocument: EQLDocument {
    public func eqlValues(at path: String) -> [String] {
        keywordValues(at: path)
    }
}

/// ES|QL reads the document's JSON values and types them by its schema.
extension ECSDocument: ESQLSource {}
