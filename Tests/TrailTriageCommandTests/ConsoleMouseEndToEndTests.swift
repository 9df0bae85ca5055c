import Foundation
import TestSupport
import Testing

/// The mouse in a real terminal (tmux): a click selects the row under it, the wheel scrolls,
/// and `--no-mouse` leaves the mouse to the terminal.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed: console end-to-end tests skipped"))
struct ConsoleMouseEndToEndTests {
    static let fixtures = RepositoryPaths.fixtures + "/seed-rules"

    private func console(_ tmux: TmuxSession, database: String, in directory: String, extra: [String] = []) throws {
        try tmux.start(
            [CommandRunner.executable, Self.fixtures, "--db", database, "--analyst", "e2e"] + extra, in: directory)
    }

    /// The detail pane's first line: the selected alert's action and rule.
    private func detailTitle(_ screen: String) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let divider = lines.firstIndex(where: { $0.hasPrefix("─ Detail") }), divider + 1 < lines.count else {
            return ""
        }
        return String(lines[divider + 1])
    }

    @Test func clicksSelectRowsAndTheWheelScrolls() throws {
        let scratch = try ScratchDirectory()
        let tmux = try TmuxSession()
        try console(tmux, database: scratch.file("case.sqlite"), in: scratch.path)
        try tmux.waitFor("5 of 5 alerts", "roleArns")
        #expect(try tmux.mouseReportingEnabled())
        // Rows 2… list the alerts oldest first: CreateProfile, then four CreateUser.
        try tmux.click(row: 4, column: 10)  // the third: api-deployer's CreateUser
        var screen = try tmux.waitFor("assumed-role/api-deployer/build-42")
        #expect(detailTitle(screen).contains("CreateUser"), "\(screen)")
        try tmux.click(row: 2, column: 10)
        screen = try tmux.waitFor("CreateProfile · ")
        #expect(detailTitle(screen).contains("CreateProfile"), "\(screen)")
        // One wheel step moves three rows: to the fourth alert, batch-role's.
        try tmux.wheel(up: false, row: 3, column: 10)
        screen = try tmux.waitFor("assumed-role/batch-role/i-0ffe1234abcd56789   ")
        #expect(detailTitle(screen).contains("CreateUser"), "\(screen)")
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0)
    }

    @Test func noMouseLeavesTheMouseToTheTerminal() throws {
        let scratch = try ScratchDirectory()
        let tmux = try TmuxSession()
        try console(tmux, database: scratch.file("case.sqlite"), in: scratch.path, extra: ["--no-mouse"])
        try tmux.waitFor("5 of 5 alerts", "roleArns")
        // The terminal is never asked for mouse reports, so it keeps clicks for its own
        // selection (a report typed in by hand would only arrive as keys).
        #expect(try !tmux.mouseReportingEnabled())
        try tmux.press("q")
        _ = try tmux.exitStatus()
    }
}
