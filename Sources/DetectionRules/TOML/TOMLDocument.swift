/// A parsed TOML 1.0 document.
///
/// ```swift
/// let document = try TOMLDocument(parsing: text)
/// let ruleID = document.root.value(at: ["rule", "rule_id"])?.stringValue
/// ```
public struct TOMLDocument: Sendable, Hashable {
    /// The top-level table.
    public var root: TOMLTable

    /// Parses TOML text.
    ///
    /// - Throws: `TOMLError` with the line and column of the first syntax or structure error,
    ///   such as a duplicate key or a table defined twice.
    public init(parsing text: String) throws(TOMLError) {
        var parser = TOMLParser(text: text)
        self.root = try parser.parse()
    }

    /// The value of a top-level key.
    public subscript(key: String) -> TOMLValue? {
        root[key]
    }
}
