/// A key press, decoded from the terminal so nothing above the driver sees ncurses codes.
public enum KeyEvent: Sendable, Hashable {
    /// A printable character (including space).
    case character(Character)
    /// Ctrl plus a letter, given in lower case: `.control("l")` is Ctrl-L.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// A function key, F1 = 1.
    case function(Int)
    /// The terminal changed size; the new size is the terminal's `size`.
    case resize
    /// A mouse click or wheel turn (only when the terminal reports the mouse).
    case mouse(MouseEvent)
}

extension KeyEvent {
    /// A short label for help screens and hint bars, e.g. `j`, `Ctrl-L`, `PgDn`, `Space`.
    public var label: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .control(let character): return "Ctrl-" + String(character).uppercased()
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .function(let number): return "F\(number)"
        case .resize: return "resize"
        case .mouse(let event): return event.label
        }
    }
}
