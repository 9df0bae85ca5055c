import Alerts
import CloudTrailGenerator
import ECSMapping
import Foundation
import TestSupport
import Testing

@testable import DetectionEngine

/// The prefiltered scan must find exactly what parsing, mapping and evaluating every record finds.
@Suite struct FastPathEquivalenceTests {
    private func scanBothWays(_ paths: [String], rules: RuleSet) -> (fast: ScanResult, full: ScanResult) {
        let fast = DetectionScan.run(
            paths: paths,
            configuration: ScanConfiguration(ruleSet: rules, usesPrefilter: true, appliesMaxSignals: false))
        let full = DetectionScan.run(
            paths: paths,
            configuration: ScanConfiguration(ruleSet: rules, usesPrefilter: false, appliesMaxSignals: false))
        return (fast, full)
    }

    @Test func generatedCorpusGivesTheSameAlertsBothWaysAndExactlyThePlantedOnes() throws {
        let directory = try ScratchDirectory()
        // 20 days so the repeat after the 14-day history window is planted too.
        let generator = CloudTrailGenerator(
            configuration: GeneratorConfiguration(events: 6_000, seed: 7, days: 20, accounts: 2))
        let report = try generator.write(to: directory.path)
        let rules = RuleSet.load(paths: [RepositoryPaths.bundledRules])
        let (fast, full) = scanBothWays([directory.path], rules: rules)

        #expect(fast.alerts.map(\.uuid) == full.alerts.map(\.uuid))
        #expect(fast.alerts.map(\.newTerms) == full.alerts.map(\.newTerms))
        #expect(full.summary.recordsEvaluated == report.events)
        #expect(fast.summary.recordsEvaluated < report.events / 10)
        let alerted = Set(fast.alerts.compactMap(\.document.eventID))
        #expect(alerted == Set(report.plantedTruePositives.map(\.eventID)))
        #expect(alerted.isDisjoint(with: report.plantedNearMisses.map(\.eventID)))
        #expect(report.plantedTruePositives.contains { $0.description.contains("more than 14 days after") })
    }

    @Test func hostileInputsGiveTheSameAlertsBothWays() throws {
        let directory = try ScratchDirectory()
        let stems = try HostileInputScanTests.writeFramingAttacks(into: directory)
        try directory.write("conflict-a.json", "[\(HostileInputScanTests.profile("shared-id", name: "one"))]")
        try directory.write("conflict-b.ndjson", HostileInputScanTests.profile("shared-id", name: "two") + "\n")
        let rules = RuleSet.load(paths: [RepositoryPaths.bundledRules])
        let (fast, full) = scanBothWays([directory.path], rules: rules)

        #expect(fast.alerts.map(\.uuid) == full.alerts.map(\.uuid))
        #expect(fast.alerts.count == stems.count + 2)
        #expect(fast.summary.recordsMalformed == full.summary.recordsMalformed)
        #expect(fast.summary.eventIDConflicts == 2 && full.summary.eventIDConflicts == 2)
    }

    @Test(
        .enabled(
            if: RepositoryPaths.hasPipelineCorpus,
            "../shared/corpus/elastic-cloudtrail-pipeline is absent (a user's clone): skipped"))
    func elasticConformanceInputsGiveTheSameAlertsBothWays() throws {
        let directory = try ScratchDirectory()
        let actions = [
            "AssumeRole", "AttachRolePolicy", "AttachUserPolicy", "ConsoleLogin", "CopyObject", "CreateAccessKey",
            "CreateTrustAnchor", "CreateUser", "GetCallerIdentity", "GetPasswordData", "UpdateAssumeRolePolicy",
            "UploadSSHPublicKey", "UserAuthentication",
        ]
        for (index, action) in actions.enumerated() {
            try directory.write(
                "rules/r\(index).toml",
                RuleSetTests.ruleFile(id: "eq-\(index)", name: "Action \(action)", query: "event.action: \"\(action)\"")
            )
        }
        let newTerms = """
            [rule.new_terms]
            field = "new_terms_fields"
            value = ["cloud.account.id", "user.name"]
            [[rule.new_terms.history_window_start]]
            field = "history_window_start"
            value = "now-10d"
            """
        try directory.write(
            "rules/nt.toml",
            RuleSetTests.ruleFile(
                id: "eq-nt", name: "New account and user", type: "new_terms",
                query: "event.outcome: success and not event.action: GetCallerIdentity", extra: newTerms))
        let rules = RuleSet.load(paths: [directory.path + "/rules"])
        #expect(rules.errors.isEmpty, "\(rules.errors)")

        let logs = try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.pipelineCorpus)
            .filter { $0.hasSuffix(".log") }.sorted().map { RepositoryPaths.pipelineCorpus + "/" + $0 }
        let (fast, full) = scanBothWays(logs, rules: rules)
        #expect(fast.alerts.map(\.uuid) == full.alerts.map(\.uuid))
        let firing = Set(fast.alerts.map(\.rule.ruleID))
        #expect(firing.count == actions.count + 1, "every action rule and the new_terms rule fire: \(firing.sorted())")
    }

    // MARK: The whole upstream AWS pack

    static let packDirectory = RepositoryPaths.root + "/../shared/corpus/elastic-detection-rules-aws"
    static var hasPack: Bool { FileManager.default.fileExists(atPath: packDirectory) }

    /// Every input the pack is checked on: generated CloudTrail, records aimed at the pack's own
    /// providers and actions, Elastic's pipeline corpora and the recorded attack simulations.
    private static func packInputs(rules: RuleSet, in directory: ScratchDirectory) throws -> [String] {
        let configuration = GeneratorConfiguration(events: 2_000, seed: 11, days: 20, accounts: 2)
        let generator = CloudTrailGenerator(configuration: configuration)
        _ = try generator.write(to: directory.path + "/generated")
        try directory.write("aimed/pack.ndjson", PackRecords.lines(for: rules.rules).joined(separator: "\n") + "\n")
        var paths = [directory.path + "/generated", directory.path + "/aimed/pack.ndjson"]
        for corpus in ["elastic-cloudtrail-pipeline", "elastic-cloudtrail-pipeline-current"] {
            let root = RepositoryPaths.root + "/../shared/corpus/" + corpus
            let logs =
                FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }
                .filter { $0.hasSuffix(".log") }.sorted().map { root + "/" + $0 } ?? []
            paths.append(contentsOf: logs)
        }
        if RepositoryPaths.hasRecordedCorpus { paths.append(RepositoryPaths.recordedCorpus) }
        return paths
    }

    @Test(.enabled(if: hasPack, "../shared/corpus/elastic-detection-rules-aws is absent (a user's clone): skipped"))
    func theWholeUpstreamPackGivesTheSameAlertsBothWays() throws {
        let rules = RuleSet.load(paths: [Self.packDirectory])
        #expect(rules.errors.isEmpty, "\(rules.errors)")
        #expect(
            rules.rules.count == 196, "every rule of the pack but the 5 machine learning ones: \(rules.rules.count)")
        let directory = try ScratchDirectory()
        let (fast, full) = scanBothWays(try Self.packInputs(rules: rules, in: directory), rules: rules)

        #expect(fast.alerts.count == full.alerts.count)
        #expect(fast.alerts.map(\.uuid) == full.alerts.map(\.uuid))
        for (quick, thorough) in zip(fast.alerts, full.alerts) where quick.flatJSON != thorough.flatJSON {
            Issue.record("alert \(quick.uuid) (\(quick.rule.name)) differs between the fast and the full path")
            break
        }
        #expect(fast.summary.rules == full.summary.rules)
        #expect(fast.summary.duplicateEvents == full.summary.duplicateEvents)
        // The pack is exercised, and the fast path really skips work.
        let firing = Set(full.alerts.map(\.rule.ruleID))
        #expect(firing.count >= rules.rules.count / 2, "rules that fire: \(firing.count) of \(rules.rules.count)")
        // A few ES|QL rules read every IAM-user call made with an access key (tokens used from
        // several addresses, keys used after creation), and those records are mapped; the rest
        // are still ruled out from their bytes.
        #expect(
            fast.summary.recordsEvaluated * 4 < full.summary.recordsEvaluated * 3,
            "fully mapped: \(fast.summary.recordsEvaluated) of \(full.summary.recordsEvaluated)")
    }
}
