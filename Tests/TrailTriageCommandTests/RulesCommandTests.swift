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

    static let pack = RepositoryPaths.root + "/../shared/corpus/elastic-detection-rules-aws"
    static var hasPack: Bool { FileManager.default.fileExists(atPath: pack) }

    /// Elastic's whole AWS pack: every rule runs but the five machine learning ones, each rule
    /// that lacks data (GeoIP, ASN) says so, and nothing is skipped silently.
    @Test(.enabled(if: hasPack, "../shared/corpus/elastic-detection-rules-aws is absent (a user's clone): skipped"))
    func listReportsEveryRuleOfThePackAndWhyTheMachineLearningOnesDoNotRun() throws {
        let outcome = try CommandRunner.run(["rules", "list", Self.pack])
        #expect(outcome.status == 0)
        let output = outcome.standardOutput
        #expect(output.contains("196 run ("), "\(output.suffix(300))")
        #expect(output.contains("5 machine learning rules not supported, 0 with errors"))
        #expect(!output.contains("not yet supported"))
        let rows = output.split(separator: "\n").filter { $0.count > 37 && $0.dropFirst(37).hasPrefix("machine_l") }
        #expect(rows.count == 5 && rows.allSatisfy { $0.contains("not supported") })
        let notes = output.split(separator: "\n").filter { $0.hasPrefix("note: ") }
        #expect(notes.filter { $0.contains("anomaly detection jobs") }.count == 5)
        #expect(
            notes.contains { $0.contains("AWS Rare Source AS Organization Activity") && $0.contains("ASN database") })

        let validate = try CommandRunner.run(["rules", "validate", Self.pack])
        #expect(validate.status == 0)
        #expect(validate.standardOutput.contains("201 of 201 rule files valid"))
    }
}
