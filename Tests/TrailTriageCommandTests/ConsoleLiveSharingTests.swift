import Foundation
import TestSupport
import Testing

/// Two consoles in two terminals on one database: what one commits shows in the other without
/// a key pressed there.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed: console end-to-end tests skipped"))
struct ConsoleLiveSharingTests {
    @Test func reviewedInOneConsoleShowsInTheOtherWithinASecond() throws {
        let scratch = try ScratchDirectory()
        let database = scratch.file("state.sqlite")
        let ana = try TmuxSession()
        let bob = try TmuxSession()
        for (tmux, analyst) in [(ana, "ana"), (bob, "bob")] {
            try tmux.start(
                [CommandRunner.executable, ConsoleEndToEndTests.fixtures, "--db", database, "--analyst", analyst],
                in: scratch.path
            )
        }
        try ana.waitFor(ConsoleEndToEndTests.loaded)
        let before = try bob.waitFor(ConsoleEndToEndTests.loaded)
        #expect(!before.contains("· reviewed"))

        try ana.press("r")
        try ana.waitFor("· reviewed")
        // Bob presses nothing: his console notices the commit at its next poll.
        try bob.waitFor("· reviewed", seconds: 1)
        try ana.press("q")
        try bob.press("q")
        #expect(try ana.exitStatus() == 0)
        #expect(try bob.exitStatus() == 0)
    }
}
