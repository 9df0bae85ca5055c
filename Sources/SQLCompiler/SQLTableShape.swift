/// The table the compiled SQL reads: AWS's CloudTrail table for Athena, and optionally a
/// column holding each record's raw JSON text (the Spark job adds one; Athena's table has none).
public struct SQLTableShape: Sendable, Hashable {
    /// The table name as written into the SQL, e.g. `cloudtrail_logs` or `db.cloudtrail_logs`.
    public var name: String
    /// The column with the record's JSON text, or `nil`.
    public var recordColumn: String?
    /// Other columns every alert row carries through unchanged (the Spark job's source file and
    /// record position).
    public var carriedColumns: [String]
    /// A column holding, for a record whose eventID other content also uses, the record's content
    /// key (``AlertIdentity/contentKey(of:)``), NULL for every other record, or `nil` when the
    /// table has none. With it, such records are told apart as scan tells them apart; without
    /// it (Athena), they count as one event.
    public var contentColumn: String?

    public init(
        name: String = "cloudtrail_logs", recordColumn: String? = nil, carriedColumns: [String] = [],
        contentColumn: String? = nil
    ) {
        self.name = name
        self.recordColumn = recordColumn
        self.carriedColumns = carriedColumns
        self.contentColumn = contentColumn
    }

    /// The view the bundled Spark job (Assets/spark) builds: AWS's columns plus the raw record, where
    /// it was read, and the content key of records whose eventID other content also uses.
    public static let sparkJob = SQLTableShape(
        name: "cloudtrail_logs", recordColumn: "record", carriedColumns: ["source_file", "record_index"],
        contentColumn: "tt_content")

    /// Whether `name` is a plain or dotted SQL identifier, safe to write unquoted.
    public static func isValidName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty
            && parts.allSatisfy { part in
                guard let first = part.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
                return part.unicodeScalars.allSatisfy { scalar in
                    scalar.value < 128
                        && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
                }
            }
    }
}
