import TerminalGrid

/// The look of every style role, in colour and in monochrome. Pure data so it can be tested
/// without a terminal; `CursesStyles` turns it into ncurses values.
enum StylePalette {
    /// The style for `role`. Monochrome uses attributes only, so it stays readable under
    /// `NO_COLOR`; selection is reverse video in both modes so it never depends on colour.
    static func style(for role: StyleRole, colored: Bool) -> TextStyle {
        colored ? colorStyle(for: role) : monochromeStyle(for: role)
    }

    private static func colorStyle(for role: StyleRole) -> TextStyle {
        switch role {
        case .normal: return TextStyle()
        case .selected: return TextStyle([.reverse, .bold])
        case .selectedInactive: return TextStyle(.reverse, foreground: .blue)
        case .header: return TextStyle(.bold, foreground: .cyan)
        case .border: return TextStyle(foreground: .blue)
        case .dim: return TextStyle(.dim)
        case .emphasis: return TextStyle(.bold)
        case .escaped: return TextStyle(foreground: .magenta)
        case .warning: return TextStyle(foreground: .yellow)
        case .error: return TextStyle(.bold, foreground: .red)
        case .success: return TextStyle(foreground: .green)
        case .severityLow: return TextStyle(foreground: .cyan)
        case .severityMedium: return TextStyle(foreground: .yellow)
        case .severityHigh: return TextStyle(.bold, foreground: .red)
        case .severityCritical: return TextStyle([.bold, .reverse], foreground: .red)
        case .highlight: return TextStyle(.bold, foreground: .yellow)
        case .field: return TextStyle(foreground: .cyan)
        case .code: return TextStyle(foreground: .green)
        case .statusBar: return TextStyle(.reverse, foreground: .cyan)
        case .prompt: return TextStyle(.bold, foreground: .green)
        }
    }

    private static func monochromeStyle(for role: StyleRole) -> TextStyle {
        switch role {
        case .normal: return TextStyle()
        case .selected: return TextStyle([.reverse, .bold])
        // Underline rather than reverse: the focused pane's selection must stay the strongest.
        case .selectedInactive: return TextStyle(.underline)
        case .header: return TextStyle(.bold)
        case .border: return TextStyle(.dim)
        case .dim: return TextStyle(.dim)
        case .emphasis: return TextStyle(.bold)
        case .escaped: return TextStyle(.underline)
        case .warning: return TextStyle(.bold)
        case .error: return TextStyle(.bold)
        case .success: return TextStyle()
        case .severityLow: return TextStyle()
        case .severityMedium: return TextStyle()
        case .severityHigh: return TextStyle(.bold)
        case .severityCritical: return TextStyle([.bold, .underline])
        case .highlight: return TextStyle([.bold, .underline])
        case .field: return TextStyle(.underline)
        case .code: return TextStyle(.dim)
        case .statusBar: return TextStyle(.reverse)
        case .prompt: return TextStyle(.bold)
        }
    }
}
