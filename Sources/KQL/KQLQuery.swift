/// A parsed KQL query, ready to be evaluated against documents.
///
/// Supports the subset of Kibana Query Language used by Elastic's AWS detection rules: field
/// clauses with quoted, unquoted and wildcard values, value lists, `field: *`, and `and`/`or`/`not`
/// with the usual precedence (`not` binds tighter than `and`, which binds tighter than `or`).
/// Range operators, nested `field:{…}` queries, free text and wildcard field names are rejected.
///
/// ```swift
/// let query = try KQLQuery.parse(#"event.provider: "iam.amazonaws.com" and user.id: *\:i-*"#)
/// if query.matches(document) { … }
/// ```
public struct KQLQuery: Sendable, Hashable {
    let root: KQLExpression

    /// The parsed syntax tree, for compilers that translate the query into another language.
    public var expression: KQLExpression { root }

    init(root: KQLExpression) {
        self.root = root
    }

    /// Parses KQL text.
    ///
    /// - Parameter text: The query, which may span several lines.
    /// - Returns: The parsed query.
    /// - Throws: ``KQLSyntaxError`` when the text is empty, malformed, or uses a KQL feature outside
    ///   the supported subset.
    public static func parse(_ text: String) throws(KQLSyntaxError) -> KQLQuery {
        var parser = KQLParser(text)
        return KQLQuery(root: try parser.parseQuery())
    }

    /// Whether `document` satisfies the query.
    ///
    /// Matching follows Elasticsearch on keyword-like fields: exact values are case-sensitive,
    /// wildcards must cover the whole value, a multi-valued field matches when any value does, and
    /// `not` is a plain complement, so a document missing the field satisfies `not field: v`.
    ///
    /// - Parameter document: The document to test.
    /// - Returns: `true` when the document matches.
    public func matches(_ document: some KQLDocument) -> Bool {
        root.evaluate(document)
    }

    /// Every field name the query reads, including fields that appear only under `not`.
    public var fieldNames: Set<String> {
        var names: Set<String> = []
        root.collectFieldNames(into: &names)
        return names
    }
}
