import Foundation
import TestSupport
import Testing

/// The rules view naming a rule that could not run, from a rules directory of our own.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed: rules view tests skipped"))
struct ConsoleRulesViewEndToEndTests {
    static let skippedName = "Copied Rule Of An Unsupported Type"

    /// The bundled rules plus a copy of one turned into a type TrailTriage does not run.
    static func rulesDirectory(in scratch: ScratchDirectory) throws -> String {
        let directory = scratch.file("rules")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let bundled = RepositoryPaths.root + "/Assets/rules"
        let files = try FileManager.default.contentsOfDirectory(atPath: bundled).filter { $0.hasSuffix(".toml") }
            .sorted()
        for file in files {
            try FileManager.default.copyItem(atPath: bundled + "/" + file, toPath: directory + "/" + file)
        }
        guard let first = files.first else { return directory }
        let text = try String(contentsOfFile: bundled + "/" + first, encoding: .utf8)
        let changed = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            // The rule's own name starts with AWS; the MITRE tactic and technique names do not.
            if line.hasPrefix("name = \"AWS") { return "name = \"\(skippedName)\"" }
            if line.hasPrefix("rule_id = ") { return "rule_id = \"00000000-0000-4000-8000-000000000001\"" }
            if line.hasPrefix("type = ") { return "type = \"machine_learning\"" }
            return String(line)
        }
        try changed.joined(separator: "\n").write(
            toFile: directory + "/unsupported_copy.toml", atomically: true, encoding: .utf8)
        return directory
    }

    @Test func theRulesViewNamesASkippedRuleWithItsReason() throws {
        let scratch = try ScratchDirectory()
        let tmux = try TmuxSession()
        try tmux.start(
            [
                CommandRunner.executable, ConsoleRawRecordEndToEndTests.fixtures, "--rules",
                try Self.rulesDirectory(in: scratch), "--db", scratch.file("state.sqlite"),
            ], in: scratch.path)
        try tmux.waitFor(" alerts · ")
        try tmux.press("L")
        let screen = try tmux.waitFor("─ Rules ", "1 not run", Self.skippedName)
        #expect(screen.contains("machine_learning no"))
        #expect(screen.contains("↳ machine learning rules need Elastic's anomaly detection jobs"))
        try tmux.press("Escape", "q")
        #expect(try tmux.exitStatus() == 0)
    }
}

/// `--case NAME`: each case keeps its own triage and alerts, apart from the others and from the
/// default case, and `export --case` exports that case alone.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed: case tests skipped"))
struct ConsoleCaseEndToEndTests {
    /// Opens the console on `inputs` in `caseName` (the default case when `nil`), with the state
    /// directory under `stateHome`, and returns once the list is in.
    private func open(
        _ tmux: TmuxSession, inputs: [String], caseName: String?, stateHome: String, in scratch: ScratchDirectory,
        waitingFor text: String
    ) throws -> String {
        let caseArguments = caseName.map { ["--case", $0] } ?? []
        try tmux.start(
            [CommandRunner.executable] + inputs + caseArguments + ["--analyst", "e2e"], in: scratch.path,
            environment: ["XDG_STATE_HOME": stateHome])
        return try tmux.waitFor(text)
    }

    @Test func triageInOneCaseIsNotSeenInAnotherAndExportTakesOneCase() throws {
        let scratch = try ScratchDirectory()
        let stateHome = scratch.file("state")
        let fixtures = [ConsoleRawRecordEndToEndTests.fixtures]
        let tmux = try TmuxSession()

        // Case A: acknowledge the first alert.
        _ = try open(
            tmux, inputs: fixtures, caseName: "A", stateHome: stateHome, in: scratch, waitingFor: "of 5 alerts")
        try tmux.press("a")
        try tmux.waitFor("acknowledged")
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0)

        // Case B and the default case, on the same data, see the alert untouched.
        for caseName in ["B", nil] {
            let other = try TmuxSession()
            let screen = try open(
                other, inputs: fixtures, caseName: caseName, stateHome: stateHome, in: scratch,
                waitingFor: "of 5 alerts")
            #expect(!screen.contains("acknowledged"), "case \(caseName ?? "default") sees case A's triage")
            try other.press("q")
            #expect(try other.exitStatus() == 0)
        }

        // Case C holds only the bundled sample; exporting A has A's alerts and triage only.
        let sample = try TmuxSession()
        _ = try open(sample, inputs: [], caseName: "C", stateHome: stateHome, in: scratch, waitingFor: "of 4 alerts")
        try sample.press("q")
        #expect(try sample.exitStatus() == 0)
        let file = scratch.file("a.json")
        let export = try CommandRunner.run(
            ["export", "--case", "A", "--format", "json", "-o", file], environment: ["XDG_STATE_HOME": stateHome])
        #expect(export.status == 0, "\(export.standardError)")
        let text = String(decoding: FileBytes.contents(of: file), as: UTF8.self)
        #expect(text.contains("acknowledged"))
        #expect(!text.contains("farid.haddad"), "case A's export holds the sample's alerts of case C")
        let other = try CommandRunner.run(
            ["export", "--case", "B", "--format", "json", "-o", scratch.file("b.json")],
            environment: ["XDG_STATE_HOME": stateHome])
        #expect(other.status == 0, "\(other.standardError)")
        #expect(
            !String(decoding: FileBytes.contents(of: scratch.file("b.json")), as: UTF8.self).contains("acknowledged"))
    }
}
