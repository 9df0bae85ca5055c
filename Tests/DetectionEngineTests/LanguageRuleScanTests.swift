import Alerts
import ECSMapping
import Foundation
import TestSupport
import Testing
import TrailTriageJSON

@testable import DetectionEngine

/// Upstream EQL and ES|QL rules, run unmodified by the scan: over events written to make them
/// fire (and to just miss), and over the recorded attack simulations.
@Suite struct LanguageRuleScanTests {
    static let rulesFolder =
        RepositoryPaths.root + "/../shared/corpus/elastic-detection-rules-aws/rules/integrations/aws"
    static var hasRules: Bool { FileManager.default.fileExists(atPath: rulesFolder) }
    static var hasRecorded: Bool { hasRules && RepositoryPaths.hasRecordedCorpus }

    static func bedrockCall(_ id: String, time: String, action: String, key: String = "AKIAEXAMPLEKEY") -> String {
        """
        {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE",\
        "arn":"arn:aws:iam::111122223333:user/mallory","accountId":"111122223333","accessKeyId":"\(key)",\
        "userName":"mallory"},"eventTime":"\(time)","eventSource":"bedrock.amazonaws.com",\
        "eventName":"\(action)","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.50",\
        "userAgent":"Boto3/1.34.0","requestParameters":{"modelId":"anthropic.claude-v2"},\
        "responseElements":null,"eventID":"\(id)","eventType":"AwsApiCall","recipientAccountId":"111122223333"}
        """
    }

    func scan(_ paths: [String], rules names: [String]) throws -> ScanResult {
        let rules = RuleSet.load(paths: names.map { Self.rulesFolder + "/" + $0 })
        try #require(rules.rules.count == names.count, "did not load: \(rules.errors)")
        var results: [ScanResult] = []
        for prefilter in [true, false] {
            let configuration = ScanConfiguration(ruleSet: rules, usesPrefilter: prefilter)
            results.append(DetectionScan.run(paths: paths, configuration: configuration))
        }
        #expect(
            results[0].alerts.map(\.uuid) == results[1].alerts.map(\.uuid),
            "the byte path and the full mapping disagree")
        return results[0]
    }

    func write(_ records: [String]) throws -> (ScratchDirectory, String) {
        let directory = try ScratchDirectory()
        return (directory, try directory.write("trail.ndjson", records.joined(separator: "\n") + "\n"))
    }

    static let bedrockRule = "discovery_bedrock_model_recon_and_invocation_via_long_term_key.toml"

    /// Enumeration then invocation with one long-term key within 15 minutes: one sequence alert
    /// and a building block per event, all sharing the group id; the sequence alert holds only
    /// what both events share.
    @Test(.enabled(if: hasRules, "../shared/corpus/elastic-detection-rules-aws is absent; skipped"))
    func eqlSequenceGivesBuildingBlocksAndASequenceAlert() throws {
        let (directory, input) = try write([
            Self.bedrockCall("b1", time: "2025-03-01T10:00:00Z", action: "ListFoundationModels"),
            Self.bedrockCall("b2", time: "2025-03-01T10:09:00Z", action: "InvokeModel"),
        ])
        defer { _ = directory }
        let alerts = try scan([input], rules: [Self.bedrockRule]).alerts
        try #require(alerts.count == 3)
        let blocks = alerts.filter { $0.group?.isBuildingBlock == true }
        let sequence = try #require(alerts.first { $0.group?.isBuildingBlock == false })
        #expect(blocks.map(\.eventKey) == ["b1", "b2"])
        #expect(blocks.map { $0.group?.index } == [0, 1])
        #expect(Set(alerts.map { $0.group?.id }).count == 1)
        #expect(sequence.members.map(\.eventKey) == ["b1", "b2"])
        #expect(sequence.document.string(at: "aws.cloudtrail.user_identity.access_key_id") == "AKIAEXAMPLEKEY")
        #expect(sequence.document.string(at: "event.action") == nil, "the actions differ, so the alert has none")
        #expect(blocks[0].flatJSON["kibana.alert.building_block_type"] == .string("default"))
        #expect(sequence.flatJSON["kibana.alert.building_block_type"] == nil)
    }

    @Test(.enabled(if: hasRules, "../shared/corpus/elastic-detection-rules-aws is absent; skipped"))
    func eqlSequenceNeedsMaxspanOrderAndALongTermKey() throws {
        let cases: [[String]] = [
            // Sixteen minutes apart: past maxspan.
            [
                Self.bedrockCall("s1", time: "2025-03-01T10:00:00Z", action: "ListFoundationModels"),
                Self.bedrockCall("s2", time: "2025-03-01T10:16:00Z", action: "InvokeModel"),
            ],
            // Invocation first.
            [
                Self.bedrockCall("o1", time: "2025-03-01T10:00:00Z", action: "InvokeModel"),
                Self.bedrockCall("o2", time: "2025-03-01T10:05:00Z", action: "ListFoundationModels"),
            ],
            // A temporary (ASIA) key: the first stage's `like "AKIA*"` is case-sensitive.
            [
                Self.bedrockCall("t1", time: "2025-03-01T10:00:00Z", action: "ListFoundationModels", key: "ASIAX"),
                Self.bedrockCall("t2", time: "2025-03-01T10:05:00Z", action: "InvokeModel", key: "ASIAX"),
            ],
            // Two different keys do not join.
            [
                Self.bedrockCall("k1", time: "2025-03-01T10:00:00Z", action: "ListFoundationModels", key: "AKIAONE"),
                Self.bedrockCall("k2", time: "2025-03-01T10:05:00Z", action: "InvokeModel", key: "AKIATWO"),
            ],
        ]
        for records in cases {
            let (directory, input) = try write(records)
            defer { _ = directory }
            #expect(try scan([input], rules: [Self.bedrockRule]).alerts.isEmpty, "\(records.map { $0.prefix(0) })")
        }
        // `:` is case-insensitive: "invokemodel" is the second stage too.
        let (directory, input) = try write([
            Self.bedrockCall("c1", time: "2025-03-01T10:00:00Z", action: "ListFoundationModels"),
            Self.bedrockCall("c2", time: "2025-03-01T10:05:00Z", action: "invokemodel"),
        ])
        defer { _ = directory }
        #expect(try scan([input], rules: [Self.bedrockRule]).alerts.count == 3)
    }

    @Test(.enabled(if: hasRecorded, "../shared/corpus (rules, recorded) is absent; skipped"))
    func eqlAndEsqlRulesFireOnTheRecordedSimulations() throws {
        let result = try scan(
            [RepositoryPaths.recordedCorpus],
            rules: [
                "privilege_escalation_iam_administratoraccess_policy_attached_to_user.toml",
                "persistence_iam_user_created_access_keys_for_another_user.toml",
                "execution_ec2_stop_start_with_user_data_modification.toml",
            ])
        let byRule = Dictionary(grouping: result.alerts, by: \.rule.name)
        // EQL, single event: one alert per matching event, on its document.
        let admin = try #require(byRule["AWS IAM AdministratorAccess Policy Attached to User"])
        #expect(admin.count == 1)
        #expect(admin.first?.document.string(at: "event.action") == "AttachUserPolicy")
        // ES|QL, row-level: the source document with the kept columns.
        let keys = try #require(byRule["AWS IAM User Created Access Keys For Another User"])
        #expect(keys.count == 2)
        #expect(keys.allSatisfy { $0.document.string(at: "event.action") == "CreateAccessKey" })
        #expect(keys.allSatisfy { $0.resultColumns.isEmpty && $0.members.isEmpty })
        // ES|QL, aggregating: only the returned columns, its events as members, one alert
        // however many overlapping runs returned the group.
        let correlation = try #require(byRule["AWS EC2 Stop, Start, and User Data Modification Correlation"])
        #expect(correlation.count == 1)
        let row = try #require(correlation.first)
        #expect(row.resultColumns.first == "Esql.event_action_unique_count")
        #expect(row.flatJSON["Esql.event_action_unique_count"] == .number("3"))
        #expect(
            row.flatJSON["Esql.event_action_values"]
                == .array([.string("ModifyInstanceAttribute"), .string("StartInstances"), .string("StopInstances")]))
        #expect(row.flatJSON["event.action"] == nil, "an aggregating alert holds no source document")
        #expect(row.members.count >= 3)
        #expect(row.runCount >= 1)
    }

    /// The one rule that reads alerts runs over the alerts the scan's other rules gave: a
    /// long-term key first seen from an address, together with another elevated alert from it
    /// (here an EQL rule's).
    @Test(.enabled(if: hasRecorded, "../shared/corpus (rules, recorded) is absent; skipped"))
    func theAlertReadingRuleRunsOverTheScansAlerts() throws {
        let correlation = "credential_access_iam_long_term_access_key_correlated_with_elevated_detection_alerts.toml"
        let names = [
            correlation, "credential_access_iam_long_term_access_key_first_seen_from_source_ip.toml",
            "privilege_escalation_iam_administratoraccess_policy_attached_to_role.toml",
        ]
        let result = try scan([RepositoryPaths.recordedCorpus], rules: names)
        let derived = result.alerts.filter { $0.rule.name.hasPrefix("AWS IAM Long-Term Access Key Correlated") }
        let admin = try #require(
            result.alerts.first { $0.rule.name == "AWS IAM AdministratorAccess Policy Attached to Role" })
        let match = try #require(
            derived.first { $0.flatJSON["source.ip"] == admin.flatJSON["source.ip"] },
            "the AdministratorAccess alert's address correlates")
        #expect(match.members.contains { $0.eventKey == admin.eventKey })
        #expect(match.flatJSON["Esql.alert_count_other_elevated_rule"] == .number("1"))
        #expect(
            match.flatJSON["Esql.kibana_alert_rule_name_values"]
                == .array([
                    .string("AWS IAM AdministratorAccess Policy Attached to Role"),
                    .string("AWS IAM Long-Term Access Key First Seen from Source IP"),
                ]))
        // Without the sibling rule there is nothing to correlate.
        let alone = try scan([RepositoryPaths.recordedCorpus], rules: [correlation, names[2]])
        #expect(!alone.alerts.contains { $0.rule.name.hasPrefix("AWS IAM Long-Term Access Key Correlated") })
    }
}
