import Foundation
import TestSupport
import Testing

/// The console in a real terminal (tmux): open, triage, quit, reopen, export, resize, hostile
/// input, and a SIGKILL that must lose nothing.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed: console end-to-end tests skipped"))
struct ConsoleEndToEndTests {
    static let fixtures = RepositoryPaths.fixtures + "/seed-rules"
    static let loaded = "of 5 alerts"

    private func console(_ tmux: TmuxSession, database: String, paths: [String] = [fixtures], in directory: String)
        throws
    {
        try tmux.start([CommandRunner.executable] + paths + ["--db", database, "--analyst", "e2e"], in: directory)
    }

    @Test func triageSurvivesQuitAndReopen() throws {
        let scratch = try ScratchDirectory()
        let database = scratch.file("state.sqlite")
        let tmux = try TmuxSession()
        try console(tmux, database: database, in: scratch.path)
        // The detail pane fills in after the header: wait for what is checked below.
        var screen = try tmux.waitFor(Self.loaded, "roleArns", "partner-ca")
        // The first alert is the CreateProfile: its four key parameters, each in its place.
        #expect(screen.contains("roleArns         arn:aws:iam::111122223333:role/AdminAccess"))
        #expect(screen.contains("arn:aws:iam::111122223333:role/S3Export"))
        #expect(screen.contains("durationSeconds  43200 (12h)"))
        #expect(screen.contains("trustAnchorArn   not in this event"))
        #expect(screen.contains("userName         not in this event"))
        #expect(screen.contains("partner-ca"), "the trust anchor from related activity")

        try tmux.press("r")
        try tmux.waitFor("· reviewed")
        try tmux.press("Tab", "Tab", "Space")
        try tmux.waitFor("[x] 1.")
        try tmux.press("m")
        try tmux.type("Confirmed with the PKI team — no change ticket")
        try tmux.press("Enter")
        try tmux.type("second line é")
        try tmux.press("C-d")
        // Saved: the editor closes and the status line confirms (the note itself is further down).
        try tmux.waitFor("notes set (")
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0)

        try console(tmux, database: database, in: scratch.path)
        // Reopened: the review mark and the ticked step are back.
        screen = try tmux.waitFor(Self.loaded, "· reviewed", "[x] 1.")
        // The notes sit at the end of the detail pane.
        try tmux.press("Tab", "G")
        screen = try tmux.waitFor("Confirmed with the PKI team", "second line é")
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0)
    }

    @Test func sigkillRightAfterAnActionLosesNothing() throws {
        let scratch = try ScratchDirectory()
        let database = scratch.file("state.sqlite")
        let tmux = try TmuxSession()
        try console(tmux, database: database, in: scratch.path)
        try tmux.waitFor(Self.loaded)
        try tmux.press("j", "a")
        try tmux.waitFor("acknowledged")
        try tmux.press("r")
        try tmux.waitFor("· reviewed")
        kill(try tmux.processID(), SIGKILL)
        #expect(try tmux.exitStatus() == 128 + Int(SIGKILL))

        try console(tmux, database: database, in: scratch.path)
        try tmux.waitFor(Self.loaded)
        try tmux.press("j")
        try tmux.waitFor("· reviewed", "acknowledged")
        try tmux.press("q")
        _ = try tmux.exitStatus()
    }

    @Test func exportWritesCaseNotesAndNeverOverwritesWithoutAsking() throws {
        let scratch = try ScratchDirectory()
        let tmux = try TmuxSession()
        try console(tmux, database: scratch.file("state.sqlite"), in: scratch.path)
        try tmux.waitFor(Self.loaded)
        try tmux.press("e")
        try tmux.waitFor("case-notes-")
        try tmux.press("Enter")
        try tmux.waitFor("Exported")
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter {
            $0.hasPrefix("case-notes-")
        }
        #expect(files.count == 1)
        let text = try String(contentsOfFile: scratch.file(files[0]), encoding: .utf8)
        #expect(text.contains("AWS IAM Roles Anywhere Profile Creation"))
        #expect(text.contains("AdminAccess"))
        try tmux.press("e")
        try tmux.waitFor("case-notes-")
        try tmux.press("Enter")
        try tmux.waitFor("exists")
        try tmux.press("n")
        try tmux.press("Escape", "q")
        #expect(try tmux.exitStatus() == 0)
    }

    @Test func resizingAndATooSmallTerminalAreHandled() throws {
        let scratch = try ScratchDirectory()
        let tmux = try TmuxSession()
        try console(tmux, database: scratch.file("state.sqlite"), in: scratch.path)
        try tmux.waitFor(Self.loaded)
        try tmux.resize(columns: 40, rows: 10)
        try tmux.waitFor("terminal too small")
        try tmux.resize(columns: 100, rows: 30)
        let screen = try tmux.waitFor(Self.loaded)
        #expect(!screen.contains("terminal too small"))
        #expect(screen.split(separator: "\n").allSatisfy { $0.count <= 100 })
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0)
    }

    @Test func aHostileUserAgentIsShownHarmlessly() throws {
        let scratch = try ScratchDirectory()
        try scratch.write(
            "logs/hostile.json",
            #"""
            {"Records":[{"eventVersion":"1.09","eventTime":"2026-03-10T09:00:00Z",\#
            "eventSource":"rolesanywhere.amazonaws.com","eventName":"CreateProfile","eventID":"hostile-1",\#
            "awsRegion":"us-east-1","sourceIPAddress":"198.51.100.7",\#
            "userAgent":"curl\u001b[31mRED\u001b]0;pwned\u0007\u202eexe.gnp\u200bX",\#
            "userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/mallory",\#
            "accountId":"111122223333","userName":"mallory"},"requestParameters":{"name":"p",\#
            "roleArns":["arn:aws:iam::111122223333:role/A"]}}]}
            """#
        )
        let tmux = try TmuxSession()
        try console(tmux, database: scratch.file("state.sqlite"), paths: [scratch.file("logs")], in: scratch.path)
        let screen = try tmux.waitFor("of 1 alert", #"curl\u{1B}[31mRED"#, #"\u{202E}exe.gnp\u{200B}X"#)
        #expect(!screen.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{7}" })
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0)
    }

    @Test func withoutATerminalItPointsToScan() throws {
        let outcome = try CommandRunner.run([Self.fixtures])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("trailtriage scan"))
    }

    static let corpusRules =
        RepositoryPaths.root + "/../shared/corpus/elastic-detection-rules-aws/rules/integrations/aws"

    /// With rules that cannot run here (machine learning, types not yet supported), the header
    /// says so from the start, and the rules view lists each with its reason.
    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: corpusRules),
            "../shared/corpus/elastic-detection-rules-aws is absent; skipped"))
    func rulesThatDidNotRunAreCountedAndListed() throws {
        let scratch = try ScratchDirectory()
        let tmux = try TmuxSession()
        try tmux.start(
            [
                CommandRunner.executable, Self.fixtures, "--rules", Self.corpusRules, "--db",
                scratch.file("state.sqlite"),
            ], in: scratch.path)
        try tmux.waitFor("rules not run — L for rules", " alerts · ")
        try tmux.press("L")
        // Rules that did not run come first, each with its reason under it.
        let screen = try tmux.waitFor("─ Rules ", " not run", " no     —", "    ↳ ")
        #expect(screen.contains("rules loaded: "))
        try tmux.press("Escape", "q")
        #expect(try tmux.exitStatus() == 0)
    }
}

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed: console end-to-end tests skipped"))
struct ConsoleSampleDataTests {
    @Test func withNoPathTheConsoleOpensTheBundledSampleAndRepaintsOnCtrlL() throws {
        let scratch = try ScratchDirectory()
        let tmux = try TmuxSession()
        try tmux.start([CommandRunner.executable, "--db", scratch.file("state.sqlite")], in: scratch.path)
        var screen = try tmux.waitFor("of 4 alerts", "farid.haddad")
        // The sample's hostile user agent (alice.nguyen's CreateProfile), shown visibly.
        try tmux.press("G")
        try tmux.waitFor("alice.nguyen")
        screen = try tmux.waitFor(#"\u{1B}"#)
        #expect(!screen.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{200B}" })
        try tmux.press("C-l")
        screen = try tmux.waitFor("of 4 alerts", "alice.nguyen")
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0)
    }
}

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed: console end-to-end tests skipped"))
struct ConsoleSignalTests {
    /// After the console dies by a signal the shell around it runs normally again: the marker it
    /// prints is readable on the restored screen, and the status says which signal it was.
    @Test(arguments: [("C-c", 130), ("TERM", 143)])
    func interruptAndTerminateRestoreTheTerminal(signal: String, status: Int) throws {
        let scratch = try ScratchDirectory()
        let tmux = try TmuxSession()
        try tmux.start(
            [CommandRunner.executable, ConsoleEndToEndTests.fixtures, "--db", scratch.file("state.sqlite")],
            in: scratch.path)
        try tmux.waitFor(ConsoleEndToEndTests.loaded)
        if signal == "C-c" {
            try tmux.press("C-c")
        } else {
            kill(try tmux.processID(), SIGTERM)
        }
        #expect(try tmux.exitStatus() == status)
        let screen = try tmux.screen()
        #expect(!screen.contains("TIME (UTC)"), "the console's screen is gone once it exits")
    }

    /// A crash (here a SIGSEGV, as a bad access would raise) gives the terminal back too, and the
    /// Swift runtime still reports the crash: the restorer passes the signal on to its handler.
    @Test func aCrashSignalRestoresTheTerminalAndKeepsTheCrashReport() throws {
        let scratch = try ScratchDirectory()
        let tmux = try TmuxSession()
        try tmux.start(
            [CommandRunner.executable, ConsoleEndToEndTests.fixtures, "--db", scratch.file("state.sqlite")],
            in: scratch.path,
            environment: ["SWIFT_BACKTRACE": "enable=yes,interactive=no,threads=crashed,registers=none,images=none"])
        try tmux.waitFor(ConsoleEndToEndTests.loaded)
        kill(try tmux.processID(), SIGSEGV)
        #expect(try tmux.exitStatus() == 128 + Int(SIGSEGV))
        let screen = try tmux.screen()
        #expect(!screen.contains("TIME (UTC)"), "the console's screen is gone after the crash")
        #expect(screen.contains("Program crashed"), "the runtime's crash report is on the restored screen")
    }
}
