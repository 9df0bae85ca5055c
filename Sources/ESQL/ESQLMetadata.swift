/// The metadata columns `FROM … METADATA _id, _version, _index` adds to a document's row.
public struct ESQLMetadata: Sendable, Hashable {
    /// The document id (`_id`).
    public var id: String
    /// The concrete index the document is in (`_index`), e.g. `.ds-logs-aws.cloudtrail-default-…`.
    public var index: String
    /// The document version (`_version`), 1 for a document written once.
    public var version: Int64

    /// Creates the metadata of one document.
    public init(id: String, index: String, version: Int64 = 1) {
        self.id = id
        self.index = index
        self.version = version
    }

    /// The value of a metadata column, `nil` for a name that is not one.
    func value(of column: String) -> ESQLValue? {
        switch column {
        case "_id": return .keyword(id)
        case "_index": return .keyword(index)
        case "_version": return .integer(version)
        default: return nil
        }
    }

    /// The metadata columns ES|QL supports and their types.
    static let columnTypes: [String: ESQLFieldType] = ["_id": .keyword, "_index": .keyword, "_version": .long]
}
