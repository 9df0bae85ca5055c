import KQL

/// A syntax error, or a construct TrailTriage does not support, in an EQL query, with its position.
public struct EQLSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A human-readable explanation of what went wrong, naming the offending construct.
    public var message: String
    /// The 1-based line, within the query text, of the error.
    public var line: Int
    /// The 1-based column, counted in `Character`s, of the error within its line.
    public var column: Int
    /// The 0-based `Character` offset of the error from the start of the query text.
    public var offset: Int

    /// Creates a syntax error from an explicit position.
    ///
    /// - Parameters:
    ///   - message: What went wrong.
    ///   - line: The 1-based line of the error.
    ///   - column: The 1-based column of the error within `line`.
    ///   - offset: The 0-based character offset of the error.
    public init(message: String, line: Int, column: Int, offset: Int) {
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// Creates an error at `offset`, deriving its line and column from the query characters.
    init(_ message: String, at offset: Int, in characters: [Character]) {
        let (line, column) = QueryTextLocation.lineAndColumn(ofOffset: offset, in: characters, isLineBreak: \.isNewline)
        self.init(message: message, line: line, column: column, offset: offset)
    }

    /// The message prefixed with the error position, e.g. `1:15: expected a value`.
    public var description: String {
        "\(line):\(column): \(message)"
    }

    /// Renders the offending query line followed by a caret line pointing at ``column``.
    ///
    /// Tabs before the column are repeated in the caret line so the caret stays aligned when the
    /// diagram is printed in a terminal.
    ///
    /// - Parameter queryText: The query text that produced this error.
    /// - Returns: Two lines, for example `"any where x >= 3\n                ^"`.
    public func caretDiagram(in queryText: String) -> String {
        QueryTextLocation.caretDiagram(line: line, column: column, in: queryText, isLineBreak: \.isNewline)
    }
}
