import Alerts
import Foundation
import TestSupport
import Testing

@testable import DetectionEngine

/// Upstream rules that read the fields the pipeline adds (issue 10): the two new-terms rules keyed
/// on `entity.target.id`, one of which also excludes AWS-managed policies by `related.entity`.
@Suite struct EntityRuleScanTests {
    static let rulesFolder =
        RepositoryPaths.root + "/../shared/corpus/elastic-detection-rules-aws/rules/integrations/aws"
    static var hasRules: Bool { FileManager.default.fileExists(atPath: rulesFolder) }

    static func record(_ id: String, time: String, action: String, parameters: String) -> String {
        """
        {"eventVersion":"1.10","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE",\
        "arn":"arn:aws:iam::111122223333:user/alice",\
        "accountId":"111122223333","accessKeyId":"AKIAEXAMPLE","userName":"alice"},"eventTime":"\(time)",\
        "eventSource":"iam.amazonaws.com","eventName":"\(action)","awsRegion":"us-east-1",\
        "sourceIPAddress":"203.0.113.7",\
        "userAgent":"aws-cli/2.17.60","requestParameters":{\(parameters)},"responseElements":null,\
        "eventID":"\(id)","eventType":"AwsApiCall","recipientAccountId":"111122223333"}
        """
    }

    func scan(_ records: [String], rule: String) throws -> [Alert] {
        let directory = try ScratchDirectory()
        let input = try directory.write("trail.ndjson", records.joined(separator: "\n") + "\n")
        let rules = RuleSet.load(paths: [Self.rulesFolder + "/" + rule])
        try #require(rules.rules.count == 1, "\(rule) did not load: \(rules.errors)")
        var results: [[Alert]] = []
        for prefilter in [true, false] {
            let configuration = ScanConfiguration(ruleSet: rules, usesPrefilter: prefilter, appliesMaxSignals: false)
            results.append(DetectionScan.run(paths: [input], configuration: configuration).alerts)
        }
        #expect(results[0].map(\.uuid) == results[1].map(\.uuid), "the byte path and the full mapping disagree")
        return results[0]
    }

    @Test(.enabled(if: hasRules, "../shared/corpus/elastic-detection-rules-aws is absent; skipped"))
    func customerManagedPolicyAttachedToRoleAlertsOncePerRoleAndSkipsAWSManaged() throws {
        let attach = { (id: String, time: String, role: String, policy: String) in
            Self.record(
                id, time: time, action: "AttachRolePolicy",
                parameters: #""roleName":"\#(role)","policyArn":"\#(policy)""#)
        }
        let alerts = try scan(
            [
                attach("e1", "2024-05-01T10:00:00Z", "app-role", "arn:aws:iam::111122223333:policy/Custom"),
                attach("e2", "2024-05-01T11:00:00Z", "app-role", "arn:aws:iam::111122223333:policy/Other"),
                attach("e3", "2024-05-01T12:00:00Z", "db-role", "arn:aws:iam::111122223333:policy/Custom"),
                attach("e4", "2024-05-01T13:00:00Z", "web-role", "arn:aws:iam::aws:policy/ReadOnlyAccess"),
            ], rule: "privilege_escalation_iam_customer_managed_policy_attached_to_role.toml")
        // e2 repeats app-role for the same user; e4 attaches an AWS-managed policy.
        #expect(alerts.compactMap(\.document.eventID) == ["e1", "e3"])
    }

    @Test(.enabled(if: hasRules, "../shared/corpus/elastic-detection-rules-aws is absent; skipped"))
    func assumeRolePolicyUpdateAlertsPerRole() throws {
        let update = { (id: String, time: String, role: String) in
            Self.record(
                id, time: time, action: "UpdateAssumeRolePolicy",
                parameters: #""roleName":"\#(role)","policyDocument":"{}""#)
        }
        let alerts = try scan(
            [
                update("u1", "2024-05-01T10:00:00Z", "app-role"),
                update("u2", "2024-05-01T11:00:00Z", "app-role"),
                update("u3", "2024-05-01T12:00:00Z", "db-role"),
            ], rule: "privilege_escalation_iam_update_assume_role_policy.toml")
        #expect(alerts.compactMap(\.document.eventID) == ["u1", "u3"])
    }
}
