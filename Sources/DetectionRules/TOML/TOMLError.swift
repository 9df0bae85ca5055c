/// A TOML syntax or structure error, with the position where it was detected.
public struct TOMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, without the position.
    public var message: String
    /// Where the problem was found.
    public var position: SourcePosition

    /// Creates an error at the given position.
    public init(_ message: String, at position: SourcePosition) {
        self.message = message
        self.position = position
    }

    /// The 1-based line of the error.
    public var line: Int { position.line }
    /// The 1-based column of the error.
    public var column: Int { position.column }

    public var description: String { "\(position.line):\(position.column): \(message)" }
}
