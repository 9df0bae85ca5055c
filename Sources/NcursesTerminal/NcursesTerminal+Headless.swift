internal import CNcursesw
import Glibc
import TerminalGrid

/// A screen that draws into /dev/null, for conformance tests of the drawing code: no tty, tmux
/// or `TERM` needed (the technique tig uses for its test suite).
extension NcursesTerminal {
    /// Starts a headless screen of `rows`×`columns` for `terminalType`, with a UTF-8 locale,
    /// reading keys from `inputDescriptor` (default: /dev/null). Only one screen should exist
    /// at a time: ncurses keeps a current screen per process.
    convenience init(
        headlessRows rows: Int, columns: Int, terminalType: String = "xterm-256color",
        colorMode: ColorMode = .monochrome, inputDescriptor: Int32? = nil
    ) throws {
        setlocale(LC_ALL, "C.UTF-8")
        guard let output = fopen("/dev/null", "w") else { throw NcursesTerminalError.cannotOpen(path: "/dev/null") }
        let opened = inputDescriptor.map { cnc_fdopen($0, "r") } ?? fopen("/dev/null", "r")
        guard let input = opened else {
            fclose(output)
            throw NcursesTerminalError.cannotOpen(path: "input")
        }
        try self.init(
            terminalType: terminalType, output: output, input: input, ownedStreams: [output, input],
            colorMode: colorMode, noColor: nil
        )
        // Output is not a tty, so ncurses took its size from LINES/COLUMNS or terminfo.
        // resizeterm queues a KEY_RESIZE as if the window had changed; tests typing keys
        // should see only what they typed.
        resizeterm(Int32(rows), Int32(columns))
        discardQueuedResize()
    }

    /// What one screen position holds, read back from ncurses.
    struct ScreenCell: Hashable {
        /// The glyph's scalars (a wide glyph is reported at both of its columns).
        var text: String
        var attributes: attr_t
        var pair: Int16
    }

    /// Reads the cell at (`row`, `column`) of the window `draw` writes to.
    func readCell(row: Int, column: Int) -> ScreenCell? {
        var cell = cchar_t()
        guard mvwin_wch(window, Int32(row), Int32(column), &cell) != ERR else { return nil }
        var characters = [wchar_t](repeating: 0, count: CellGlyph.maximumScalars + 1)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        guard getcchar(&cell, &characters, &attributes, &pair, nil) != ERR else { return nil }
        var text = ""
        for value in characters.prefix(while: { $0 != 0 }) {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: value)) { text.unicodeScalars.append(scalar) }
        }
        return ScreenCell(text: text, attributes: attributes, pair: pair)
    }
}
