import Foundation
import TestSupport
import Testing

/// A note being typed survives Ctrl-C in a real terminal and is offered back on reopening.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed: console draft tests skipped"))
struct ConsoleDraftEndToEndTests {
    static let fixtures = RepositoryPaths.fixtures + "/seed-rules"
    static let loaded = "of 5 alerts"

    private func console(_ tmux: TmuxSession, database: String, in directory: String) throws {
        try tmux.start(
            [CommandRunner.executable, Self.fixtures, "--db", database, "--analyst", "e2e"], in: directory)
    }

    @Test func ctrlCWithADraftOpenKeepsTheDraftForTheNextSession() throws {
        let scratch = try ScratchDirectory()
        let database = scratch.file("state.sqlite")
        let tmux = try TmuxSession()
        try console(tmux, database: database, in: scratch.path)
        try tmux.waitFor(Self.loaded, "roleArns")
        try tmux.press("m")
        try tmux.type("Half-written finding about partner-ca")
        try tmux.waitFor("Half-written finding about partner-ca")
        // Well past the keeper's quarter second, then Ctrl-C without saving.
        Thread.sleep(forTimeInterval: 1)
        try tmux.press("C-c")
        #expect(try tmux.exitStatus() == 130)

        try console(tmux, database: database, in: scratch.path)
        try tmux.waitFor(Self.loaded, "Unsaved notes from last time are back on 1 alert")
        try tmux.press("m")
        try tmux.waitFor("Half-written finding about partner-ca")
        try tmux.press("C-d")
        try tmux.waitFor("notes set (")
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0, "saved, so quitting does not ask")
    }
}
