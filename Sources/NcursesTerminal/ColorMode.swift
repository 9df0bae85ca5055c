/// Whether the terminal driver may use colour.
public enum ColorMode: Sendable, Hashable {
    /// Colour when the terminal supports it, unless the `NO_COLOR` environment variable is set
    /// to a non-empty value (https://no-color.org).
    case automatic
    /// Colour whenever the terminal supports it, ignoring `NO_COLOR` (e.g. for `--color always`).
    case color
    /// Bold, reverse, dim and underline only.
    case monochrome
}

extension ColorMode {
    /// Whether this mode asks for colour, given the value of `NO_COLOR` (`nil` when unset).
    /// Terminal support is checked separately, once a screen exists.
    func wantsColor(noColor: String?) -> Bool {
        switch self {
        case .automatic:
            return (noColor ?? "").isEmpty
        case .color:
            return true
        case .monochrome:
            return false
        }
    }
}
