import Alerts
import Foundation
import TestSupport
import Testing
import TrailTriageJSON

@testable import DetectionEngine

/// Upstream threshold rules, run unmodified over events that make them fire (and not).
@Suite struct ThresholdRuleScanTests {
    static let rulesFolder =
        RepositoryPaths.root + "/../shared/corpus/elastic-detection-rules-aws/rules/integrations/aws"
    static let recorded = RepositoryPaths.root + "/../shared/corpus/recorded"
    static var hasRules: Bool { FileManager.default.fileExists(atPath: rulesFolder) }
    static var hasRecorded: Bool { hasRules && FileManager.default.fileExists(atPath: recorded) }

    static func rootLoginFailure(_ id: String, time: String, account: String = "111122223333") -> String {
        """
        {"eventVersion":"1.08","userIdentity":{"type":"Root","principalId":"\(account)",\
        "arn":"arn:aws:iam::\(account):root","accountId":"\(account)"},"eventTime":"\(time)",\
        "eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","awsRegion":"us-east-1",\
        "sourceIPAddress":"198.51.100.9","userAgent":"Mozilla/5.0","requestParameters":null,\
        "responseElements":{"ConsoleLogin":"Failure"},"errorMessage":"Failed authentication",\
        "additionalEventData":{"MFAUsed":"No"},"eventID":"\(id)","eventType":"AwsConsoleSignIn",\
        "recipientAccountId":"\(account)"}
        """
    }

    func scan(_ paths: [String], rule: String) throws -> [Alert] {
        let rules = RuleSet.load(paths: [Self.rulesFolder + "/" + rule])
        try #require(rules.rules.count == 1, "\(rule) did not load: \(rules.errors)")
        var results: [[Alert]] = []
        for prefilter in [true, false] {
            let configuration = ScanConfiguration(ruleSet: rules, usesPrefilter: prefilter)
            results.append(DetectionScan.run(paths: paths, configuration: configuration).alerts)
        }
        #expect(results[0].map(\.uuid) == results[1].map(\.uuid), "the byte path and the full mapping disagree")
        return results[0]
    }

    func write(_ records: [String]) throws -> (ScratchDirectory, String) {
        let directory = try ScratchDirectory()
        return (directory, try directory.write("trail.ndjson", records.joined(separator: "\n") + "\n"))
    }

    @Test(.enabled(if: hasRules, "../shared/corpus/elastic-detection-rules-aws is absent; skipped"))
    func rootBruteForceAlertsOncePerAccountWithItsGroup() throws {
        // Ten failures in one account within two minutes, nine in another.
        var records = (0..<10).map { Self.rootLoginFailure("a\($0)", time: "2024-05-01T10:0\($0 / 5):1\($0 % 5)Z") }
        records += (0..<9).map {
            Self.rootLoginFailure("b\($0)", time: "2024-05-01T10:01:2\($0)Z", account: "444455556666")
        }
        let (directory, input) = try write(records)
        defer { _ = directory }
        let alerts = try scan([input], rule: "credential_access_root_console_failure_brute_force.toml")
        try #require(alerts.count == 1)
        let alert = alerts[0]
        #expect(alert.threshold?.terms == [.init(field: "cloud.account.id", value: "111122223333")])
        #expect(alert.threshold?.count == 10)
        #expect(alert.members.map(\.eventKey) == (0..<10).map { "a\($0)" })
        #expect(alert.originalTime == alert.members.last?.time)
        let flat = alert.flatJSON
        #expect(flat["kibana.alert.threshold_result.count"] == .number("10"))
        #expect(flat["kibana.alert.threshold_result.from"]?.stringValue == "2024-05-01T10:00:10.000Z")
        #expect(flat["cloud.account.id"]?.stringValue == "111122223333")
        // Only the group-by fields: no source event's fields.
        #expect(flat["event.action"] == nil)
    }

    /// The same events read again, in another order, give the same alert id.
    @Test(.enabled(if: hasRules, "../shared/corpus/elastic-detection-rules-aws is absent; skipped"))
    func thresholdAlertIdsAreStableAcrossRunsAndReadOrder() throws {
        let records = (0..<10).map { Self.rootLoginFailure("a\($0)", time: "2024-05-01T10:00:1\($0)Z") }
        let (first, forward) = try write(records)
        let (second, backward) = try write(records.reversed())
        defer { _ = (first, second) }
        let rule = "credential_access_root_console_failure_brute_force.toml"
        let ids = try scan([forward], rule: rule).map(\.uuid)
        #expect(ids.count == 1)
        #expect(try scan([backward], rule: rule).map(\.uuid) == ids)
        // One more event in the group is a different group of events: a different alert.
        let (third, more) = try write(records + [Self.rootLoginFailure("a10", time: "2024-05-01T10:00:30Z")])
        defer { _ = third }
        #expect(try scan([more], rule: rule).map(\.uuid) != ids)
    }

    /// Stratus Red Team's secretsmanager-retrieve-secrets reads 20 secrets in seconds: the rule's
    /// cardinality condition (20 distinct request parameters per user) is met exactly.
    @Test(.enabled(if: hasRecorded, "../shared/corpus (rules, recorded) is absent; skipped"))
    func rapidSecretRetrievalFiresOnTheRecordedDetonation() throws {
        let alerts = try scan(
            [Self.recorded], rule: "credential_access_rapid_secret_retrieval_attempts_from_secretsmanager.toml")
        try #require(alerts.count == 1)
        #expect(alerts[0].threshold?.terms.map(\.field) == ["user.id"])
        #expect(alerts[0].threshold?.cardinality == [.init(field: "aws.cloudtrail.request_parameters", value: 20)])
        #expect(alerts[0].members.count == 20)
    }
}
