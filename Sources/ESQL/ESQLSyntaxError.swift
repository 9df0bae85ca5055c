import KQL

/// An ES|QL query that cannot be run: a syntax error, an unknown column, or a construct this
/// implementation does not support, with the position of the offending text.
public struct ESQLSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, naming the construct.
    public var message: String
    /// The 1-based line of the error within the query text.
    public var line: Int
    /// The 1-based column, counted in `Character`s, of the error within its line.
    public var column: Int
    /// The 0-based `Character` offset of the error from the start of the query text.
    public var offset: Int

    /// Creates an error at an explicit position.
    public init(message: String, line: Int, column: Int, offset: Int) {
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// Creates an error at `offset`, deriving its line and column from the query characters.
    init(_ message: String, at offset: Int, in characters: [Character]) {
        let (line, column) = QueryTextLocation.lineAndColumn(ofOffset: offset, in: characters)
        self.init(message: message, line: line, column: column, offset: offset)
    }

    /// The message prefixed with the position, e.g. `3:5: unknown column "x"`.
    public var description: String {
        "\(line):\(column): \(message)"
    }

    /// The offending query line followed by a caret line pointing at ``column`` (tabs repeated so
    /// the caret stays aligned in a terminal).
    public func caretDiagram(in queryText: String) -> String {
        QueryTextLocation.caretDiagram(line: line, column: column, in: queryText)
    }
}
