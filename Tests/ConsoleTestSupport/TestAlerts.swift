import Alerts
import ConsoleUI
import DetectionRules
import ECSMapping
import RelatedActivity
import TerminalGrid
import TrailTriageJSON
import TriageModel
import TriageTestSupport

/// CloudTrail records shaped like the fixtures, mapped through the real ECS mapper, and the
/// alert records a scan would save for them.
public enum TestAlerts {
    /// Kept under this name for tests that edit the record before mapping it.
    public static let createProfile = TestEvents.createProfile

    public static let createRole =
        #"""
        {"eventVersion":"1.09",\#(TestEvents.alice),"eventTime":"2026-03-10T09:10:00Z",\#
        "eventSource":"iam.amazonaws.com",\#
        "eventName":"CreateRole","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.10",\#
        "requestParameters":{"roleName":"partner-admin"},"eventID":"ra-related-role","eventType":"AwsApiCall",\#
        "recipientAccountId":"111122223333"}
        """#

    public static let profileGuide = GuideSnapshot(
        steps: [
            "Identify the actor", "Review the roles the profile can hand out", "Find the trust anchor",
            "Look for sessions",
        ],
        falsePositiveNotes: ["Platform teams onboarding a partner"],
        responseSteps: ["Disable the profile", "Delete the trust anchor"],
        investigationFields: ["@timestamp", "user.name", "source.ip"]
    )

    public static let userGuide = GuideSnapshot(
        steps: [
            "Identify the calling role and session", "Confirm the session name is an EC2 instance id",
            "Identify the new user",
        ],
        falsePositiveNotes: ["Pattern over-match: role names containing i-"],
        responseSteps: ["Delete the new user's keys"],
        investigationFields: ["@timestamp", "user.name", "user_agent.original"]
    )

    public static func document(_ json: String) -> ECSDocument {
        do {
            return try TestEvents.document(json)
        } catch {
            fatalError("test record does not map: \(error)")
        }
    }

    /// The index of every test event, for related activity and trust anchors.
    public static let index: EventIndex = {
        var builder = EventIndexBuilder()
        for json in [TestEvents.createTrustAnchor, TestEvents.createProfile, createRole, TestEvents.describe] {
            builder.add(document: document(json))
        }
        return builder.build()
    }()

    public static func record(
        _ json: String, uuid: String, ruleName: String, severity: String, guide: GuideSnapshot
    ) -> AlertRecord {
        let document = document(json)
        var flat = JSONObject()
        flat["kibana.alert.uuid"] = .string(uuid)
        flat["kibana.alert.rule.name"] = .string(ruleName)
        for (key, value) in document.flattened() where key != "event.original" {
            flat.members.append(JSONMember(key: key, value: value))
        }
        let anchor = EventSummary(document: document)
        return AlertRecord(
            uuid: uuid,
            rule: AlertRule(
                ruleID: ruleName, name: ruleName, type: .query, severity: Severity(name: severity),
                riskScore: severity == "low" ? 21 : 47),
            mitre: [MITRETechnique(tactic: "TA0003 Persistence", technique: "T1098 Account Manipulation")],
            originalTime: document.timestampMilliseconds, flatJSON: flat, guide: guide,
            relatedActivity: index.related(to: anchor),
            trustAnchors: index.trustAnchors(actorARN: anchor.actorARN, account: anchor.account),
            firstSeen: index.firstSeen(actorARN: anchor.actorARN, action: anchor.action)
        )
    }

    public static let profileRule = "AWS IAM Roles Anywhere Profile Creation"
    public static let userRule = "AWS IAM Create User via Assumed Role on EC2 Instance"

    public static let profile = record(
        TestEvents.createProfile, uuid: "aaaa1111-profile", ruleName: profileRule, severity: "low", guide: profileGuide)
    public static let patternFalsePositive = record(
        TestEvents.createUser(
            role: "api-deployer", session: "build-42", eventID: "cu-fp", time: "2026-03-10T09:13:00Z"),
        uuid: "bbbb2222-fp", ruleName: userRule, severity: "medium", guide: userGuide
    )
    public static let instance = record(
        TestEvents.createUser(
            role: "ec2-provisioner", session: "i-0a1b2c3d4e5f60718", eventID: "cu-ec2", time: "2026-03-10T09:05:00Z"),
        uuid: "cccc3333-ec2", ruleName: userRule, severity: "medium", guide: userGuide
    )
    /// A user agent carrying a terminal escape sequence and a right-to-left override.
    public static let hostile = record(
        TestEvents.createUser(
            role: "ec2-provisioner", session: "i-0ffe1234abcd56789", eventID: "cu-evil", time: "2026-03-12T07:00:00Z",
            userAgent: #"curl/8.0 \u001b[31mred\u001b[0m \u202Egnp.exe"#),
        uuid: "dddd4444-hostile", ruleName: userRule, severity: "high", guide: userGuide
    )

    /// Alerts in load order (not time order: the list sorts them).
    public static let all = [patternFalsePositive, profile, hostile, instance]

    /// A console over ``all`` at `size`, with the clock fixed.
    public static func console(
        size: TerminalSize = TerminalSize(rows: 40, columns: 120), states: [String: TriageState] = [:]
    )
        -> ConsoleState
    {
        ConsoleState(alerts: all, states: states, analyst: "analyst1", now: 1_773_400_000_000, size: size)
    }

    /// `count` copies of the Create User alert with distinct ids and times, for paging.
    public static func many(_ count: Int) -> [AlertRecord] {
        (0..<count).map { number in
            var copy = instance
            copy.uuid = "many-\(number)"
            copy.originalTime += Int64(number) * 60_000
            return copy
        }
    }
}
