extension TmuxSession {
    /// Sends a left click at a cell (0-based), as a terminal in X10 mouse mode reports it: a
    /// press and then a release, each `ESC [ M` and three bytes of 32 plus button, column + 1
    /// and row + 1.
    func click(row: Int, column: Int) throws {
        try sendMouse(button: 0, row: row, column: column)
        try sendMouse(button: 3, row: row, column: column)
    }

    /// Turns the wheel one step over a cell.
    func wheel(up: Bool, row: Int, column: Int) throws {
        try sendMouse(button: up ? 64 : 65, row: row, column: column)
    }

    /// Whether the program in the pane has asked the terminal for mouse reports.
    func mouseReportingEnabled() throws -> Bool {
        try tmux(["display", "-p", "-t", "e2e", "#{mouse_any_flag}"]).hasPrefix("1")
    }

    private func sendMouse(button: Int, row: Int, column: Int) throws {
        let bytes = [0x1B, 0x5B, 0x4D, 32 + button, 33 + column, 33 + row]
        _ = try tmux(["send-keys", "-t", "e2e", "-H"] + bytes.map { String($0, radix: 16) })
    }
}
