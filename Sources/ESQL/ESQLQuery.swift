import KQL

/// A parsed ES|QL query, run in two steps the way a rule run needs them: ``prepare(_:metadata:)``
/// turns each source document into a row (or drops it) with the row-by-row commands at the start
/// of the pipeline, and ``finish(_:now:)`` runs the rest (STATS, SORT, anything after them or using
/// `NOW()`) over the prepared rows of one run window.
public struct ESQLQuery: Sendable {
    /// The query text as given.
    public let text: String
    /// The schema the query was checked against.
    public let schema: ESQLSchema
    /// `FROM`'s index patterns, e.g. `logs-aws.cloudtrail-*`.
    public let sourcePatterns: [String]
    /// The metadata fields `FROM … METADATA` asks for (`_id`, `_version`, `_index`).
    public let metadataFields: [String]
    /// Whether the pipeline has a `STATS` (its rows are groups, not documents).
    public var isAggregating: Bool {
        commands.contains { if case .stats = $0 { return true } else { return false } }
    }
    /// The mapped fields the query reads from documents (including those it returns and those its
    /// `KQL()` queries read).
    public let fieldsRead: Set<String>
    /// The columns of the result, in order.
    public let columns: [String]
    /// The columns of the rows ``prepare(_:metadata:)`` returns (only those the rest of the pipeline
    /// uses), in order.
    public var preparedColumns: [String] { boundaryLayout.names }

    let commands: [ESQLCommand]
    /// How many leading commands ``prepare(_:metadata:)`` runs.
    let prefixLength: Int
    let boundaryLayout: ESQLColumnLayout

    init(
        text: String, schema: ESQLSchema, sourcePatterns: [String], metadataFields: [String],
        commands: [ESQLCommand], prefixLength: Int, boundaryLayout: ESQLColumnLayout, columns: [String],
        fieldsRead: Set<String>
    ) {
        self.text = text
        self.schema = schema
        self.sourcePatterns = sourcePatterns
        self.metadataFields = metadataFields
        self.commands = commands
        self.prefixLength = prefixLength
        self.boundaryLayout = boundaryLayout
        self.columns = columns
        self.fieldsRead = fieldsRead
    }

    /// Parses a query and checks every column it reads against `schema` and the columns earlier
    /// commands create.
    ///
    /// - Throws: ``ESQLSyntaxError`` for a syntax error, an unknown column, and any command, function
    ///   or operator outside the supported subset (naming it, with its line and column).
    public static func parse(_ text: String, schema: ESQLSchema = .cloudTrail) throws(ESQLSyntaxError) -> ESQLQuery {
        var parser = ESQLParser(text, schema: schema)
        return try parser.parseQuery(text: text)
    }

    /// Runs the leading row-by-row commands (WHERE, EVAL, GROK, DISSECT, KEEP before the first STATS
    /// or SORT, and before any command calling `NOW()`) on one document.
    ///
    /// - Returns: The document's row, holding ``preparedColumns``, or `nil` when a `WHERE` drops it.
    public func prepare(_ document: some ESQLSource, metadata: ESQLMetadata) -> ESQLRow? {
        var reader = ESQLDocumentReader(document: document, metadata: metadata, schema: schema)
        let evaluator = ESQLEvaluator(now: nil)
        for command in commands.prefix(prefixLength) {
            switch command {
            case .filter(let condition):
                guard evaluator.truth(evaluator.evaluate(condition, reader)) == true else { return nil }
            case .eval(let assignments):
                for assignment in assignments {
                    reader.computed[assignment.name] = evaluator.evaluate(assignment.expression, reader)
                }
            case .grok(let input, let pattern):
                let values = Self.singleKeyword(evaluator.evaluate(input, reader)).map(pattern.extract)
                for (index, capture) in pattern.captures.enumerated() {
                    reader.computed[capture.column] = values?[index] ?? .null
                }
            case .dissect(let input, let pattern):
                let values = Self.singleKeyword(evaluator.evaluate(input, reader)).map(pattern.extract)
                for (index, column) in pattern.columns.enumerated() {
                    reader.computed[column] = values?[index] ?? .null
                }
            case .keep:
                // The kept columns were resolved at parse time; the row is built from them below.
                break
            case .stats, .sort:
                break
            }
        }
        return ESQLRow(layout: boundaryLayout, values: boundaryLayout.names.map { reader.value(of: $0) })
    }

    /// Runs the rest of the pipeline over the prepared rows of one simulated rule run.
    ///
    /// - Parameters:
    ///   - rows: Rows from ``prepare(_:metadata:)``, one per document of the run window.
    ///   - now: The end of the run, in epoch milliseconds, which `NOW()` returns.
    /// - Returns: The result rows, with ``columns``.
    public func finish(_ rows: [ESQLRow], now: Int64) -> [ESQLRow] {
        var current = rows
        for index in current.indices {
            current[index].sourceRows = [index]
            current[index].groupKey = nil
        }
        let evaluator = ESQLEvaluator(now: now)
        for command in commands.dropFirst(prefixLength) {
            current = Self.run(command, on: current, evaluator: evaluator)
        }
        return current
    }

    /// GROK and DISSECT read one keyword value; null and multi-valued input match nothing.
    static func singleKeyword(_ value: ESQLValue) -> String? {
        if case .keyword(let text) = value { return text }
        return nil
    }
}

/// Reads columns from a source document while it is prepared: values computed by the pipeline
/// first, then metadata, then the mapped field read from the document.
struct ESQLDocumentReader<Source: ESQLSource>: ESQLColumnReader {
    let document: Source
    let metadata: ESQLMetadata
    let schema: ESQLSchema
    var computed: [String: ESQLValue] = [:]

    init(document: Source, metadata: ESQLMetadata, schema: ESQLSchema) {
        self.document = document
        self.metadata = metadata
        self.schema = schema
    }

    func value(of column: String) -> ESQLValue {
        if let value = computed[column] { return value }
        if let value = metadata.value(of: column) { return value }
        guard let type = schema.type(of: column) else { return .null }
        return type.columnValue(from: document.values(at: column))
    }

    func matches(_ query: KQLQuery) -> Bool? {
        query.matches(document)
    }
}
