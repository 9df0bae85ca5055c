import Foundation
import TestSupport
import Testing

@Suite struct RulesCommandTests {
    @Test func listShowsTheBundledRules() throws {
        let outcome = try CommandRunner.run(["rules", "list"])
        #expect(outcome.status == 0)
        let lines = outcome.standardOutput.split(separator: "\n")
        #expect(
            lines.contains {
                $0.hasPrefix("1d4ca9c0-ff1e-11ee-91cc-f661ea17fbce query") && $0.contains("low/21")
                    && $0.contains("AWS IAM Roles Anywhere Profile Creation")
            })
        #expect(
            lines.contains {
                $0.hasPrefix("f7a1c536-9ac0-11ef-9911-f661ea17fbcd new_terms") && $0.contains("medium/47")
            })
        #expect(outcome.standardOutput.contains("2 run, 0 with errors"))
    }

    @Test func validateExitsOneAndSaysWhyWhenAQueryDoesNotParse() throws {
        let scratch = try ScratchDirectory()
        let directory = scratch.path
        let good = try String(
            contentsOfFile: CommandRunner.repositoryRoot + "/Assets/rules/aws_iam_roles_anywhere_profile_creation.toml",
            encoding: .utf8)
        let bad =
            good
            .replacingOccurrences(of: "and event.action: CreateProfile", with: "and event.action: (CreateProfile or")
            .replacingOccurrences(
                of: "1d4ca9c0-ff1e-11ee-91cc-f661ea17fbce", with: "00000000-0000-0000-0000-000000000000")
        try bad.write(toFile: directory + "/bad.toml", atomically: true, encoding: .utf8)

        let valid = try CommandRunner.run(["rules", "validate", "Assets/rules"])
        #expect(valid.status == 0)
        #expect(valid.standardOutput.contains("2 of 2 rule files valid"))

        let invalid = try CommandRunner.run(["rules", "validate", "Assets/rules", directory])
        #expect(invalid.status == 1)
        #expect(invalid.standardOutput.contains("bad.toml:"))
        #expect(invalid.standardOutput.contains("query syntax error"))
        #expect(invalid.standardOutput.contains("2 of 3 rule files valid"))
    }
}
