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

    /// Creates an error at `offset`, deriving the line and column from the query characters.
    init(_ message: String, at offset: Int, in characters: [Character]) {
        var line = 1
        var lineStart = 0
        let end = min(offset, characters.count)
        for index in 0..<end where Self.isLineBreak(characters[index]) {
            line += 1
            lineStart = index + 1
        }
        self.init(message: message, line: line, column: offset - lineStart + 1, offset: offset)
    }

    /// The message prefixed with the position, e.g. `3:5: unknown column "x"`.
    public var description: String {
        "\(line):\(column): \(message)"
    }

    /// The offending query line followed by a caret line pointing at ``column`` (tabs repeated so
    /// the caret stays aligned in a terminal).
    public func caretDiagram(in queryText: String) -> String {
        var lines: [[Character]] = [[]]
        for character in queryText {
            if Self.isLineBreak(character) {
                lines.append([])
            } else {
                lines[lines.count - 1].append(character)
            }
        }
        let text: [Character] = line >= 1 && line <= lines.count ? lines[line - 1] : []
        var caret = ""
        for index in 0..<max(column - 1, 0) {
            caret.append(index < text.count && text[index] == "\t" ? "\t" : " ")
        }
        caret.append("^")
        return String(text) + "\n" + caret
    }

    static func isLineBreak(_ character: Character) -> Bool {
        character == "\n" || character == "\r\n" || character == "\r"
    }
}
