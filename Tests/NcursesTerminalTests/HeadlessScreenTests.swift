import CNcursesw
import TerminalGrid
import Testing

@testable import NcursesTerminal

/// Draws known frames through the production `draw` into a headless ncurses screen and reads
/// every cell back; feeds bytes through a pipe to `readKey`. Serialized: ncurses has one
/// current screen per process, so every test that starts a screen belongs to this suite.
@Suite(.serialized, .enabled(if: Terminfo.hasXterm256, "terminfo entry xterm-256color not installed"))
struct HeadlessScreenTests {
    /// The text of `row` as ncurses holds it, a wide glyph once (its second column repeats it).
    func screenText(_ terminal: NcursesTerminal, row: Int) -> String {
        var text = ""
        var column = 0
        while column < terminal.size.columns {
            let cell = terminal.readCell(row: row, column: column)
            let glyph = cell?.text ?? "\u{FFFD}"
            text += glyph
            column += max(1, glyph.unicodeScalars.first.map { Int(cnc_wcwidth(Int32(bitPattern: $0.value))) } ?? 1)
        }
        while text.last == " " { text.removeLast() }
        return text
    }

    @Test func screenHasTheRequestedSize() throws {
        let terminal = try NcursesTerminal(headlessRows: 7, columns: 33)
        #expect(terminal.size == TerminalSize(rows: 7, columns: 33))
        #expect(terminal.usesUTF8)
    }

    @Test func everyCharacterKindReadsBackUnchanged() throws {
        let terminal = try NcursesTerminal(headlessRows: 5, columns: 30)
        var buffer = ScreenBuffer(size: terminal.size)
        buffer.write("ASCII é 日本 ok", row: 0, column: 0)
        buffer.write("┌─┐│ │└─┘", row: 1, column: 0)
        buffer.write("a😀b e\u{301}", row: 2, column: 0)
        terminal.draw(buffer)

        #expect(screenText(terminal, row: 0) == "ASCII é 日本 ok")
        #expect(screenText(terminal, row: 1) == "┌─┐│ │└─┘")
        #expect(screenText(terminal, row: 2) == "a😀b e\u{301}")
        // Cell by cell: a wide glyph covers two columns and the next glyph follows it.
        #expect(terminal.readCell(row: 0, column: 6)?.text == "é")
        #expect(terminal.readCell(row: 0, column: 8)?.text == "日")
        #expect(terminal.readCell(row: 0, column: 10)?.text == "本")
        #expect(terminal.readCell(row: 0, column: 12)?.text == " ")
        #expect(terminal.readCell(row: 0, column: 13)?.text == "o")
        #expect(terminal.readCell(row: 1, column: 3)?.text == "│")
        #expect(terminal.readCell(row: 2, column: 1)?.text == "😀")
        #expect(terminal.readCell(row: 2, column: 3)?.text == "b")
        #expect(terminal.readCell(row: 4, column: 0)?.text == " ")
    }

    @Test func styleRolesBecomeAttributes() throws {
        let terminal = try NcursesTerminal(headlessRows: 3, columns: 10)
        var buffer = ScreenBuffer(size: terminal.size)
        buffer.write("plain", row: 0, column: 0)
        buffer.fill(row: 1, style: .selected)
        buffer.write("chosen", row: 1, column: 0, style: .selected)
        buffer.write("title", row: 2, column: 0, style: .header)
        terminal.draw(buffer)

        let reverse = cnc_A_REVERSE()
        for column in 0..<10 {
            let selected = try #require(terminal.readCell(row: 1, column: column))
            #expect(selected.attributes & reverse != 0, "column \(column) of the selected row")
        }
        let plain = try #require(terminal.readCell(row: 0, column: 0))
        #expect(plain.attributes & reverse == 0)
        #expect(plain.pair == 0)
        let header = try #require(terminal.readCell(row: 2, column: 0))
        #expect(header.attributes & cnc_A_BOLD() != 0)
        #expect(header.pair == 0, "monochrome screens use no colour pairs")
    }

    @Test func colourModeAssignsPairs() throws {
        let terminal = try NcursesTerminal(headlessRows: 2, columns: 10, colorMode: .color)
        #expect(terminal.usesColor)
        var buffer = ScreenBuffer(size: terminal.size)
        buffer.write("title", row: 0, column: 0, style: .header)
        buffer.write("bad", row: 1, column: 0, style: .error)
        terminal.draw(buffer)
        #expect(terminal.readCell(row: 0, column: 0)?.pair == CursesStyles.pairNumber(for: .cyan))
        #expect(terminal.readCell(row: 1, column: 0)?.pair == CursesStyles.pairNumber(for: .red))
        #expect((terminal.readCell(row: 1, column: 0)?.attributes ?? 0) & cnc_A_BOLD() != 0)
    }

    @Test func controlCharactersInCellsAreNeverWrittenRaw() throws {
        let terminal = try NcursesTerminal(headlessRows: 1, columns: 8)
        var buffer = ScreenBuffer(size: terminal.size)
        // Bypass `write`, which would already have escaped them, as a buggy caller might.
        buffer[0, 0] = Cell(character: "\u{7}", style: .normal)
        buffer[0, 1] = Cell(character: "\u{1B}", style: .normal)
        buffer[0, 2] = Cell(character: "\u{202E}", style: .normal)
        buffer[0, 3] = Cell(character: "\r\n", style: .normal)
        buffer[0, 4] = Cell(character: "x", style: .normal)
        terminal.draw(buffer)
        #expect(screenText(terminal, row: 0) == "????x")
    }

    @Test func continuationCellsAndTheLastCellAreHandled() throws {
        let terminal = try NcursesTerminal(headlessRows: 2, columns: 4)
        var buffer = ScreenBuffer(size: terminal.size)
        buffer[0, 0] = Cell(character: nil, style: .normal)  // orphaned right half: stays blank
        buffer[0, 1] = Cell(character: "a", style: .normal)
        buffer[1, 3] = Cell(character: "Z", style: .selected)  // bottom-right corner
        terminal.draw(buffer)
        #expect(terminal.readCell(row: 0, column: 0)?.text == " ")
        #expect(terminal.readCell(row: 0, column: 1)?.text == "a")
        #expect(terminal.readCell(row: 1, column: 3)?.text == "Z")
    }

    @Test func eachFrameReplacesThePreviousOne() throws {
        let terminal = try NcursesTerminal(headlessRows: 2, columns: 10)
        var first = ScreenBuffer(size: terminal.size)
        first.write("old text", row: 0, column: 0, style: .selected)
        terminal.draw(first)
        var second = ScreenBuffer(size: terminal.size)
        second.write("new", row: 1, column: 0)
        terminal.draw(second)
        #expect(screenText(terminal, row: 0) == "")
        #expect((terminal.readCell(row: 0, column: 0)?.attributes ?? 0) & cnc_A_REVERSE() == 0)
        #expect(screenText(terminal, row: 1) == "new")
    }

    @Test func framesOfTheWrongSizeAreClipped() throws {
        let terminal = try NcursesTerminal(headlessRows: 2, columns: 5)
        var larger = ScreenBuffer(size: TerminalSize(rows: 4, columns: 9))
        larger.write("abcdefghi", row: 0, column: 0)
        larger.write("xyz", row: 3, column: 0)
        terminal.draw(larger)
        #expect(screenText(terminal, row: 0) == "abcde")
        terminal.draw(ScreenBuffer(size: TerminalSize(rows: 1, columns: 2)))
        #expect(screenText(terminal, row: 0) == "")
    }

    @Test func restoreIsIdempotentAndDrawResumes() throws {
        let terminal = try NcursesTerminal(headlessRows: 2, columns: 5)
        terminal.restore()
        terminal.restore()
        #expect(isendwin())
        var buffer = ScreenBuffer(size: terminal.size)
        buffer.write("back", row: 0, column: 0)
        terminal.draw(buffer)
        #expect(!isendwin())
        #expect(screenText(terminal, row: 0) == "back")
    }

    @Test func unknownTerminalTypeThrowsInsteadOfExiting() {
        #expect(throws: NcursesTerminalError.cannotInitialize(terminalType: "no-such-terminal-xyz")) {
            _ = try NcursesTerminal(headlessRows: 2, columns: 2, terminalType: "no-such-terminal-xyz")
        }
    }
}
