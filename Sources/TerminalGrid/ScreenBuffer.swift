import TrailTriageJSON

/// One character cell.
public struct Cell: Sendable, Hashable {
    /// The grapheme shown, or `nil` for the right half of a wide character.
    public var character: Character?
    public var style: StyleRole

    public init(character: Character?, style: StyleRole) {
        self.character = character
        self.style = style
    }

    public static let blank = Cell(character: " ", style: .normal)
}

/// A grid of cells the console renders into and the terminal driver copies to the screen.
///
/// Writing clips by display width and never stores a control character, escape sequence, bidi
/// override or zero-width character: text from logs passes through ``UnsafeText/visible(_:)``
/// on the way in, so nothing hostile can reach the terminal whatever the caller forgot.
public struct ScreenBuffer: Sendable, Hashable {
    public let size: TerminalSize
    public private(set) var cells: [Cell]

    public init(size: TerminalSize) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.rows) * max(0, size.columns))
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * size.columns + column] }
        set { cells[row * size.columns + column] = newValue }
    }

    /// Writes `text` from (`row`, `column`) within at most `width` cells (default: to the right
    /// edge) and returns the cells used. Text that does not fit ends with `…`; a wide character
    /// that would straddle the limit becomes a space.
    @discardableResult
    public mutating func write(_ text: String, row: Int, column: Int, width: Int? = nil, style: StyleRole = .normal)
        -> Int
    {
        guard row >= 0, row < size.rows, column >= 0, column < size.columns else { return 0 }
        let limit = min(width ?? (size.columns - column), size.columns - column)
        guard limit > 0 else { return 0 }
        let safe = UnsafeText.visible(text)
        let total = DisplayWidth.of(safe)
        let clipping = total > limit
        let room = clipping ? limit - 1 : limit
        var used = 0
        for character in safe {
            let cellWidth = DisplayWidth.of(character)
            if cellWidth == 0 {
                continue  // combining marks were measured with their base character
            }
            if used + cellWidth > room {
                if cellWidth == 2 && used < room {
                    self[row, column + used] = Cell(character: " ", style: style)
                    used += 1
                }
                break
            }
            self[row, column + used] = Cell(character: character, style: style)
            if cellWidth == 2 {
                self[row, column + used + 1] = Cell(character: nil, style: style)
            }
            used += cellWidth
        }
        if clipping && used < limit {
            self[row, column + used] = Cell(character: "…", style: style)
            used += 1
        }
        return used
    }

    /// Sets `width` cells from (`row`, `column`) to blanks in `style`.
    public mutating func fill(row: Int, column: Int = 0, width: Int? = nil, style: StyleRole) {
        guard row >= 0, row < size.rows, column >= 0, column < size.columns else { return }
        let end = min(size.columns, column + (width ?? size.columns))
        for index in column..<end {
            self[row, index] = Cell(character: " ", style: style)
        }
    }

    /// The text of one row, wide characters once, trailing spaces kept.
    public func text(ofRow row: Int) -> String {
        var line = ""
        for column in 0..<size.columns {
            if let character = self[row, column].character { line.append(character) }
        }
        return line
    }

    /// Every row as text, trailing spaces removed: the form snapshots compare.
    public var textLines: [String] {
        (0..<size.rows).map { row in
            var line = text(ofRow: row)
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
