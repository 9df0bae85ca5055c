internal import CNcursesw
import TerminalGrid

/// Style roles resolved to ncurses attribute bits and colour-pair numbers, once per screen.
struct CursesStyles {
    /// What `setcchar` needs for one role.
    struct Resolved: Hashable {
        var attributes: attr_t
        var pair: Int16
    }

    /// Indexed by `StyleRole.rawValue`.
    private let resolved: [Resolved]
    let colored: Bool

    init(colored: Bool) {
        self.colored = colored
        resolved = StyleRole.allCases.map { role in
            let style = StylePalette.style(for: role, colored: colored)
            return Resolved(
                attributes: Self.bits(for: style.attributes),
                pair: colored ? style.foreground.map(Self.pairNumber(for:)) ?? 0 : 0
            )
        }
    }

    subscript(role: StyleRole) -> Resolved {
        let index = Int(role.rawValue)
        return resolved.indices.contains(index) ? resolved[index] : Resolved(attributes: cnc_A_NORMAL(), pair: 0)
    }

    /// Pair 0 is the terminal default, so the palette's colours use pairs 1 to 8.
    static func pairNumber(for color: TextStyle.Color) -> Int16 {
        let index = TextStyle.Color.allCases.firstIndex(of: color) ?? 0
        return Int16(index + 1)
    }

    static func cursesColor(_ color: TextStyle.Color) -> Int16 {
        switch color {
        case .black: return Int16(COLOR_BLACK)
        case .red: return Int16(COLOR_RED)
        case .green: return Int16(COLOR_GREEN)
        case .yellow: return Int16(COLOR_YELLOW)
        case .blue: return Int16(COLOR_BLUE)
        case .magenta: return Int16(COLOR_MAGENTA)
        case .cyan: return Int16(COLOR_CYAN)
        case .white: return Int16(COLOR_WHITE)
        }
    }

    static func bits(for attributes: TextStyle.Attributes) -> attr_t {
        var bits = cnc_A_NORMAL()
        if attributes.contains(.bold) { bits |= cnc_A_BOLD() }
        if attributes.contains(.reverse) { bits |= cnc_A_REVERSE() }
        if attributes.contains(.dim) { bits |= cnc_A_DIM() }
        if attributes.contains(.underline) { bits |= cnc_A_UNDERLINE() }
        return bits
    }

    /// Starts colour and defines one pair per foreground colour. Returns `false`, leaving the
    /// screen monochrome, when the terminal has too few colours or pairs.
    static func startColors() -> Bool {
        guard has_colors() else { return false }
        guard start_color() != ERR else { return false }
        let colorCount = TextStyle.Color.allCases.count
        guard cnc_COLORS() >= colorCount, cnc_COLOR_PAIRS() > colorCount else { return false }
        // -1 keeps the terminal's own background (transparent terminals, light themes);
        // without use_default_colors it is not a valid colour, so fall back to black.
        let background: Int16 = use_default_colors() == OK ? -1 : Int16(COLOR_BLACK)
        for color in TextStyle.Color.allCases {
            guard init_pair(pairNumber(for: color), cursesColor(color), background) != ERR else { return false }
        }
        return true
    }
}
