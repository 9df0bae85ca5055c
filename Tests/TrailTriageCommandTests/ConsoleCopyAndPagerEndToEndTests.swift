import Foundation
import TestSupport
import Testing

/// `y` in the detail pane and `y` and `|` in the raw view of a real console under tmux: the value lands in tmux's paste
/// buffer, and the pager gets a private file holding the escaped text, deleted afterwards.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed: copy and pager tests skipped"))
struct ConsoleCopyAndPagerEndToEndTests {
    /// The console on the seed fixtures with the first alert's raw record open.
    private func openRaw(_ tmux: TmuxSession, in scratch: ScratchDirectory, environment: [String: String] = [:])
        throws
    {
        try tmux.start(
            [
                CommandRunner.executable, ConsoleRawRecordEndToEndTests.fixtures, "--db",
                scratch.file("state.sqlite"), "--analyst", "e2e",
            ], in: scratch.path, environment: environment)
        try tmux.waitFor("of 5 alerts", "roleArns")
        try tmux.press("R")
        try tmux.waitFor("Original CloudTrail record", "\"eventName\": \"CreateProfile\"")
    }

    @Test func yPutsTheHighlightedValueInTmuxsBuffer() throws {
        let scratch = try ScratchDirectory()
        let tmux = try TmuxSession()
        try openRaw(tmux, in: scratch)
        try tmux.press("/")
        try tmux.type("eventName")
        try tmux.press("Enter")
        try tmux.waitFor("match 1 of")
        try tmux.press("y")
        try tmux.waitFor("Copied")
        #expect(try tmux.tmux(["show-buffer"]) == "CreateProfile")
        try tmux.press("Escape", "Escape", "q")
        #expect(try tmux.exitStatus() == 0)
    }

    @Test func yInTheDetailPaneCopiesTheHighlightedField() throws {
        let scratch = try ScratchDirectory()
        let tmux = try TmuxSession()
        try tmux.start(
            [
                CommandRunner.executable, ConsoleRawRecordEndToEndTests.fixtures, "--db",
                scratch.file("state.sqlite"), "--analyst", "e2e",
            ], in: scratch.path)
        try tmux.waitFor("of 5 alerts", "roleArns")
        // The first field of the CreateProfile alert is its first role; j steps to the second.
        try tmux.press("Tab", "y")
        try tmux.waitFor("Copied roleArns")
        #expect(try tmux.tmux(["show-buffer"]) == "arn:aws:iam::111122223333:role/AdminAccess")
        try tmux.press("j", "y")
        try tmux.waitFor("Copied roleArns (39 characters)")
        #expect(try tmux.tmux(["show-buffer"]) == "arn:aws:iam::111122223333:role/S3Export")
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0)
    }

    @Test func pipeShowsTheRecordInThePagerFromAPrivateFileThatIsThenDeleted() throws {
        let scratch = try ScratchDirectory()
        let tmux = try TmuxSession()
        let seen = scratch.file("pager-saw.txt")
        // The pager copies what it was given, notes the file's mode and name, and exits.
        let pager = "sh -c 'cat \"$0\" > \(seen); stat -c %a \"$0\" >> \(seen); echo \"$0\" >> \(seen)'"
        try openRaw(tmux, in: scratch, environment: ["PAGER": pager])
        try tmux.press("|")
        // Back in the console, on the raw view, once the pager has exited.
        try tmux.waitFor("Original CloudTrail record", "\"eventName\": \"CreateProfile\"")
        let lines = String(decoding: FileBytes.contents(of: seen), as: UTF8.self).split(separator: "\n")
        #expect(lines.first?.hasPrefix("Original CloudTrail record") == true)
        #expect(lines.contains("  \"eventName\": \"CreateProfile\","))
        #expect(lines.dropLast().last == "600")
        let file = String(lines.last ?? "")
        #expect(!file.isEmpty && !FileManager.default.fileExists(atPath: file))
        try tmux.press("Escape", "q")
        #expect(try tmux.exitStatus() == 0)
    }
}
