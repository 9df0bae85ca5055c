import Foundation
import TestSupport
import Testing

/// Narrowing the list down in a real terminal (tmux): the `:` command line by actor and by time
/// range with the match count in the header, and the filters back after a restart of the case.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed: console end-to-end tests skipped"))
struct ConsoleFilterEndToEndTests {
    static let fixtures = RepositoryPaths.fixtures + "/seed-rules"

    private func console(_ tmux: TmuxSession, database: String, in directory: String, extra: [String] = []) throws {
        try tmux.start(
            [CommandRunner.executable, Self.fixtures, "--db", database, "--analyst", "e2e"] + extra, in: directory)
    }

    @Test func actorFilterCountsItsAlertsAndSurvivesARestart() throws {
        let scratch = try ScratchDirectory()
        let database = scratch.file("case.sqlite")
        let tmux = try TmuxSession()
        try console(tmux, database: database, in: scratch.path)
        try tmux.waitFor("5 of 5 alerts")
        try tmux.type(":actor ec2-app")
        try tmux.press("Enter")
        var screen = try tmux.waitFor("2 of 5 alerts", "actor ~ ec2-app")
        #expect(!screen.contains("api-deployer"), "a filtered-out actor is still listed:\n\(screen)")
        try tmux.press("s")  // newest first, kept with the filter
        try tmux.waitFor("sort: time ↓")
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0)

        try console(tmux, database: database, in: scratch.path)
        screen = try tmux.waitFor("2 of 5 alerts", "actor ~ ec2-app", "sort: time ↓")
        // Newest first: the 30 March alert is on top.
        let rows = screen.split(separator: "\n").filter { $0.contains("ec2-app-role") && $0.contains("CreateUser") }
        #expect(rows.first?.contains("2026-03-30") == true, "\(screen)")
        try tmux.type(":clear")
        try tmux.press("Enter")
        try tmux.waitFor("5 of 5 alerts", "Filters cleared")
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0)

        // Cleared is kept too.
        try console(tmux, database: database, in: scratch.path)
        screen = try tmux.waitFor("5 of 5 alerts")
        #expect(!screen.contains("actor ~"))
        try tmux.press("q")
        _ = try tmux.exitStatus()
    }

    @Test func timeRangeFilterAbsoluteAndRelativeWithTheCountShown() throws {
        let scratch = try ScratchDirectory()
        let database = scratch.file("case.sqlite")
        let tmux = try TmuxSession()
        try console(tmux, database: database, in: scratch.path, extra: ["--no-mouse"])
        try tmux.waitFor("5 of 5 alerts")
        try tmux.type(":since 2026-03-10T09:04")
        try tmux.press("Enter")
        try tmux.waitFor("4 of 5 alerts", "since 2026-03-10T09:04:00Z")
        try tmux.type(":until 2026-03-10T09:14")
        try tmux.press("Enter")
        let screen = try tmux.waitFor("2 of 5 alerts", "until 2026-03-10T09:14:00Z")
        #expect(screen.contains("api-deployer") && screen.contains("ec2-app-role"), "\(screen)")
        // A bad time says why and leaves the filter alone.
        try tmux.type(":until tomorrow")
        try tmux.press("Enter")
        try tmux.waitFor("is not a time")
        try tmux.press("Escape")
        try tmux.waitFor("2 of 5 alerts")
        // Relative to the newest alert (30 March 12:00): the last two days hold one alert.
        try tmux.type(":until")
        try tmux.press("Enter")
        try tmux.type(":since -2d")
        try tmux.press("Enter")
        try tmux.waitFor("1 of 5 alerts", "since 2026-03-28T12:00:00Z")
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0)
    }
}
