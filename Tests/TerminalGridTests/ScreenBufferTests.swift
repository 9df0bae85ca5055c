import TerminalGrid
import Testing

@Suite struct ScreenBufferTests {
    @Test func widthsComeFromOurTableNotTheLocale() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("é") == 1)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("✔️") == 2)
        #expect(DisplayWidth.of("✓") == 1)
    }

    @Test func clipsByDisplayWidthWithAnEllipsis() {
        var buffer = ScreenBuffer(size: TerminalSize(rows: 2, columns: 10))
        #expect(buffer.write("abcdefghijkl", row: 0, column: 0, width: 6) == 6)
        #expect(buffer.textLines[0] == "abcde…")
        buffer.write("日本語テキスト", row: 1, column: 0, width: 6)
        #expect(buffer.textLines[1] == "日本 …")
    }

    @Test func wideCharacterNeverStraddlesTheEdge() {
        var buffer = ScreenBuffer(size: TerminalSize(rows: 1, columns: 5))
        buffer.write("ab日本", row: 0, column: 0)
        #expect(buffer.textLines[0] == "ab日…")
        #expect(buffer[0, 3].character == nil)
    }

    @Test func hostileTextIsStoredVisiblyNeverRaw() {
        var buffer = ScreenBuffer(size: TerminalSize(rows: 1, columns: 60))
        buffer.write("ua\u{1B}[31mred\u{202E}x\u{200B}y", row: 0, column: 0)
        #expect(buffer.textLines[0] == #"ua\u{1B}[31mred\u{202E}x\u{200B}y"#)
        #expect(
            !buffer.cells.contains { cell in
                cell.character?.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E } == true
            })
    }

    @Test func writesOutsideTheGridAreIgnored() {
        var buffer = ScreenBuffer(size: TerminalSize(rows: 1, columns: 3))
        #expect(buffer.write("x", row: 5, column: 0) == 0)
        #expect(buffer.write("x", row: 0, column: 3) == 0)
        #expect(buffer.textLines == [""])
    }
}
