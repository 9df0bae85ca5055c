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
