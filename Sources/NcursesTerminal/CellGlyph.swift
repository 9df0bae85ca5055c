/// Turns a cell's grapheme into the wide characters handed to `setcchar`, making sure nothing
/// that could move the cursor, change modes or reorder text reaches the terminal, even if a
/// caller bypassed `ScreenBuffer.write` and stored such a character directly.
enum CellGlyph {
    /// Shown instead of a character that must not be written raw.
    static let replacement: Unicode.Scalar = "?"

    /// At most this many scalars fit in one `cchar_t` (ncurses' `CCHARW_MAX`); setcchar drops
    /// the rest, so a long emoji sequence keeps its base glyph.
    static let maximumScalars = 5

    /// The scalars to draw for `character`, without the terminating zero.
    static func scalars(for character: Character) -> [Unicode.Scalar] {
        let scalars = Array(character.unicodeScalars.prefix(maximumScalars))
        guard let first = scalars.first, scalars.allSatisfy(isDrawable) else { return [replacement] }
        // A cell that starts with a combining mark would make ncurses attach the mark to the
        // previous cell; give it a space to sit on instead.
        if isCombining(first) { return [" "] + scalars.prefix(maximumScalars - 1) }
        return scalars
    }

    /// The zero-terminated `wchar_t` string for `character` (`wchar_t` is 32 bits on Linux).
    static func wideCharacters(for character: Character) -> [Int32] {
        scalars(for: character).map { Int32(bitPattern: $0.value) } + [0]
    }

    /// False for C0/C1 controls, format characters (bidi overrides, zero-width spaces…) other
    /// than the zero-width joiner that glues emoji together, and line/paragraph separators.
    static func isDrawable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator, .surrogate:
            return false
        case .format:
            return scalar.value == 0x200D
        default:
            return true
        }
    }

    static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark:
            return true
        default:
            return scalar.value == 0x200D
        }
    }
}
