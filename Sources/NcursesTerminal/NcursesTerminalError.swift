/// Why the ncurses terminal could not be set up.
public enum NcursesTerminalError: Error, Hashable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped, redirected or run without a tty).
    case notInteractive
    /// ncurses could not start a screen for this terminal type: usually `TERM` is unset or
    /// names a terminal with no terminfo entry. `nil` means `TERM` was unset.
    case cannotInitialize(terminalType: String?)
    /// A file needed for a screen could not be opened.
    case cannotOpen(path: String)

    public var description: String {
        switch self {
        case .notInteractive:
            return "standard input and output must be a terminal"
        case .cannotInitialize(let terminalType?):
            return "cannot initialise the terminal: no usable terminfo entry for TERM=\(terminalType)"
        case .cannotInitialize(nil):
            return "cannot initialise the terminal: TERM is not set"
        case .cannotOpen(let path):
            return "cannot open \(path)"
        }
    }
}
