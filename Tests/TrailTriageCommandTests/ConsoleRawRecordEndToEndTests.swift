import Foundation
import TestSupport
import Testing

/// The raw view in a real terminal shows the CloudTrail record as it is in the file, indented.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed: raw record tests skipped"))
struct ConsoleRawRecordEndToEndTests {
    static let fixtures = RepositoryPaths.fixtures + "/seed-rules"

    @Test func rawShowsTheOriginalCloudTrailRecordIndented() throws {
        let scratch = try ScratchDirectory()
        let tmux = try TmuxSession()
        try tmux.start(
            [CommandRunner.executable, Self.fixtures, "--db", scratch.file("state.sqlite"), "--analyst", "e2e"],
            in: scratch.path)
        try tmux.waitFor("of 5 alerts", "roleArns")
        try tmux.press("R")
        // CloudTrail's own key names, not ECS ones, two spaces in.
        let screen = try tmux.waitFor("Original CloudTrail record", "  \"eventName\": \"CreateProfile\"")
        #expect(screen.contains("\"requestParameters\": {"))
        #expect(!screen.contains("event.action"))
        try tmux.press("Escape", "q")
        #expect(try tmux.exitStatus() == 0)
    }
}
