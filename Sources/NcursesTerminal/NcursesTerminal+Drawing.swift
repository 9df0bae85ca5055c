internal import CNcursesw
import TerminalGrid

extension NcursesTerminal {
    /// Shows `buffer`: clears the screen, writes every cell with its style role's attributes
    /// and colour, and sends only the changes to the terminal.
    ///
    /// Right halves of wide characters (`nil` cells) are skipped: ncurses fills them when it
    /// places the wide glyph. Cells outside the current screen are ignored, so a frame rendered
    /// just before a resize cannot write past the edge.
    public func draw(_ buffer: ScreenBuffer) {
        resume()
        werase(window)
        let rows = min(buffer.size.rows, Int(getmaxy(window)))
        let columns = min(buffer.size.columns, Int(getmaxx(window)))
        var cell = cchar_t()
        for row in 0..<max(0, rows) {
            for column in 0..<max(0, columns) {
                let source = buffer[row, column]
                guard let character = source.character else { continue }
                setCell(&cell, character: character, style: styles[source.style])
                // Each cell is placed explicitly, so a glyph libc measures differently from
                // our width table cannot shift the rest of the row. At the bottom-right corner
                // wadd_wch reports ERR for the cursor it cannot advance, after storing the cell.
                mvwadd_wch(window, Int32(row), Int32(column), &cell)
            }
        }
        wnoutrefresh(window)
        doupdate()
    }

    private func setCell(_ cell: inout cchar_t, character: Character, style: CursesStyles.Resolved) {
        var wide = CellGlyph.wideCharacters(for: character)
        // In a non-UTF-8 locale (or for a scalar libc does not know) ncurses would print a
        // multi-cell escape such as "~@"; a single '?' keeps the layout.
        if let first = wide.first, cnc_wcwidth(first) < 0 {
            wide = [Int32(bitPattern: CellGlyph.replacement.value), 0]
        }
        if setcchar(&cell, wide, style.attributes, style.pair, nil) == ERR {
            let fallback: [Int32] = [Int32(bitPattern: CellGlyph.replacement.value), 0]
            setcchar(&cell, fallback, style.attributes, style.pair, nil)
        }
    }
}
