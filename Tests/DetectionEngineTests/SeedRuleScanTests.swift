import Alerts
import DetectionRules
import ECSMapping
import TestSupport
import Testing

@testable import DetectionEngine

/// Scans of our own fixtures (Tests/Fixtures/seed-rules) with the bundled seed rules.
@Suite struct SeedRuleScanTests {
    static let rolesAnywhereRuleID = "1d4ca9c0-ff1e-11ee-91cc-f661ea17fbce"
    static let createUserRuleID = "f7a1c536-9ac0-11ef-9911-f661ea17fbcd"

    private func scan(
        workers: Int = 2, prefilter: Bool = true, paths: [String] = [RepositoryPaths.fixtures + "/seed-rules"]
    ) -> ScanResult {
        let rules = RuleSet.load(paths: [RepositoryPaths.bundledRules])
        return DetectionScan.run(
            paths: paths,
            configuration: ScanConfiguration(ruleSet: rules, workerCount: workers, usesPrefilter: prefilter))
    }

    private func eventIDs(_ result: ScanResult, rule: String) -> [String] {
        result.alerts.filter { $0.rule.ruleID == rule }.map { $0.document.eventID ?? "?" }
    }

    @Test func bundledRulesLoadAndRun() {
        let rules = RuleSet.load(paths: [RepositoryPaths.bundledRules])
        #expect(rules.errors.isEmpty, "\(rules.errors)")
        #expect(Set(rules.rules.map(\.rule.ruleID)) == [Self.rolesAnywhereRuleID, Self.createUserRuleID])
    }

    @Test func rolesAnywhereAlertsOnceOnTheSuccessfulProfileCreationOnly() {
        let result = scan()
        // The failed call, the UpdateProfile and the CreateTrustAnchor are near misses; the second
        // delivery of the same event is one event.
        #expect(eventIDs(result, rule: Self.rolesAnywhereRuleID) == ["ra-tp-profile"])
        #expect(result.summary.duplicateEvents == 1)
    }

    @Test func createUserAlertsOnNewInstanceSessionsInTimeOrder() {
        let result = scan()
        // cu-nm-repeat is inside the 14-day window of cu-tp-first; cu-tp-after-window is 15 days
        // after the repeat. cu-tp-earlier-of-pair sits in a file read last but happened first, so
        // it, not cu-nm-later-of-pair, is the new one. IAM users, failed calls and sessions that
        // are not instance ids never match; "api-deployer" contains "i-" and does (the known
        // false-positive shape of the seed query).
        #expect(
            eventIDs(result, rule: Self.createUserRuleID) == [
                "cu-tp-first", "cu-fp-shape", "cu-tp-earlier-of-pair", "cu-tp-after-window",
            ])
        let first = result.alerts.first { $0.document.eventID == "cu-tp-first" }
        #expect(first?.newTerms == ["arn:aws:sts::111122223333:assumed-role/ec2-app-role/i-0a1b2c3d4e5f60718"])
    }

    @Test func alertIdsAreStableAcrossRunsWorkerCountsAndThePrefilter() {
        let reference = scan(workers: 1, prefilter: false)
        for (workers, prefilter) in [(1, true), (2, true), (2, false), (4, true)] {
            let other = scan(workers: workers, prefilter: prefilter)
            #expect(
                other.alerts.map(\.uuid) == reference.alerts.map(\.uuid), "workers \(workers) prefilter \(prefilter)")
        }
        #expect(reference.alerts.count == 5)
        #expect(Set(reference.alerts.map(\.uuid)).count == 5)
    }

    @Test func prefilterSkipsParsingRecordsNoRuleCanMatch() {
        let fast = scan(prefilter: true)
        let full = scan(prefilter: false)
        #expect(full.summary.recordsEvaluated == full.summary.recordsRead)
        #expect(fast.summary.recordsEvaluated < full.summary.recordsEvaluated)
    }

    @Test(
        .enabled(
            if: RepositoryPaths.hasRecordedCorpus,
            "../shared/corpus/recorded is absent (a user's clone): recorded-corpus scan skipped"))
    func recordedAttackSimulationsAlertOnProfileCreationOnly() {
        let result = scan(paths: [RepositoryPaths.recordedCorpus])
        let profile = result.alerts.filter { $0.rule.ruleID == Self.rolesAnywhereRuleID }
        #expect(profile.count == 1)
        #expect(profile.first?.document.string(at: "event.action") == "CreateProfile")
        // The CreateUser in iam-create-admin-user is by an IAM user: no alert.
        #expect(result.alerts.filter { $0.rule.ruleID == Self.createUserRuleID }.isEmpty)
        #expect(result.summary.recordsRead >= 300)
    }
}
