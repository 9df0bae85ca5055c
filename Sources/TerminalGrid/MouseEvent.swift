/// A mouse report, decoded from the terminal: what happened and at which cell (0-based).
public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The left button went down.
        case press
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    public var row: Int
    public var column: Int

    public init(_ kind: Kind, row: Int, column: Int) {
        self.kind = kind
        self.row = row
        self.column = column
    }

    /// Words for the help screen.
    public var label: String {
        switch kind {
        case .press: "click"
        case .wheelUp: "wheel up"
        case .wheelDown: "wheel down"
        }
    }
}
