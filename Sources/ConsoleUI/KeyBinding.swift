import TerminalGrid

/// One row of the keymap: a key, where it applies, what it does, and how to describe it.
public struct KeyBinding: Sendable, Hashable {
    public var key: KeyEvent
    public var context: KeyContext
    public var command: ConsoleAction
    /// Words for the help screen, e.g. "close with a disposition and reason".
    public var description: String
    /// A word or two for the hint bar; `nil` keeps the binding out of it.
    public var hint: String?

    public init(
        _ key: KeyEvent, _ context: KeyContext, _ command: ConsoleAction, _ description: String, hint: String? = nil
    ) {
        self.key = key
        self.context = context
        self.command = command
        self.description = description
        self.hint = hint
    }
}
