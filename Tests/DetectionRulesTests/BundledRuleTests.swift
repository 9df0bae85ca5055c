import Foundation
import Testing

@testable import DetectionRules

@Suite("Bundled seed rules")
struct BundledRuleTests {
    static let investigationFields = [
        "@timestamp", "user.name", "user_agent.original", "source.ip",
        "aws.cloudtrail.user_identity.arn", "aws.cloudtrail.user_identity.type",
        "aws.cloudtrail.user_identity.access_key_id", "event.action", "event.outcome",
        "cloud.account.id", "cloud.region", "aws.cloudtrail.request_parameters",
        "aws.cloudtrail.response_elements",
    ]

    static let commonTags = [
        "Domain: Cloud", "Data Source: AWS", "Data Source: Amazon Web Services",
        "Data Source: AWS IAM", "Use Case: Identity and Access Audit", "Tactic: Persistence",
    ]

    @Test func rolesAnywhereProfileCreation() throws {
        let rule = try RuleLoader.load(fileAt: TestPaths.bundledRule("aws_iam_roles_anywhere_profile_creation.toml"))
        #expect(rule.ruleID == "1d4ca9c0-ff1e-11ee-91cc-f661ea17fbce")
        #expect(rule.name == "AWS IAM Roles Anywhere Profile Creation")
        #expect(rule.type == .query)
        #expect(rule.language == "kuery")
        #expect(
            rule.query == """
                event.dataset: aws.cloudtrail
                and event.provider: rolesanywhere.amazonaws.com
                and event.action: CreateProfile
                and event.outcome: success

                """)
        #expect(rule.index == ["filebeat-*", "logs-aws.cloudtrail-*"])
        #expect(rule.severity == .low)
        #expect(rule.riskScore == 21)
        #expect(rule.from == "now-6m")
        #expect(rule.interval == "5m")
        #expect(rule.maxSignals == 100)
        #expect(rule.timestampOverride == "event.ingested")
        #expect(rule.tags == Self.commonTags + ["Resources: Investigation Guide"])
        #expect(rule.investigationFields == Self.investigationFields)
        #expect(rule.references.count == 4)
        #expect(rule.license == nil)
        #expect(rule.newTerms == nil)

        let threat = try #require(rule.threat.first)
        #expect(rule.threat.count == 1)
        #expect(
            threat.tactic
                == .init(id: "TA0003", name: "Persistence", reference: "https://attack.mitre.org/tactics/TA0003/"))
        #expect(
            threat.techniques == [
                .init(
                    id: "T1098", name: "Account Manipulation", reference: "https://attack.mitre.org/techniques/T1098/",
                    subtechniques: [
                        .init(
                            id: "T1098.003", name: "Additional Cloud Roles",
                            reference: "https://attack.mitre.org/techniques/T1098/003/")
                    ]
                )
            ])

        let guide = try #require(rule.investigationGuide)
        #expect(guide.title == "Investigating AWS IAM Roles Anywhere Profile Creation")
        #expect(guide.steps.count == 7)
        #expect(guide.steps.first?.title == "Identify the actor")
        #expect(guide.steps.allSatisfy { !$0.details.isEmpty })
        #expect(guide.steps.contains { $0.details.joined().contains("CreateTrustAnchor") })
        #expect(guide.steps.contains { $0.details.joined().contains("AssumeRoleWithCertificate") })
        #expect(guide.steps.contains { $0.details.joined().contains("durationSeconds") })
        #expect(guide.falsePositiveNotes.count == 3)
        #expect(guide.responseSteps.count == 4)
        #expect(guide.additionalInformation.count == 2)
        #expect(rule.falsePositives.count == 2)
    }

    @Test func createUserViaAssumedRoleOnEC2() throws {
        let rule = try RuleLoader.load(
            fileAt: TestPaths.bundledRule("aws_iam_create_user_via_assumed_role_on_ec2_instance.toml"))
        #expect(rule.ruleID == "f7a1c536-9ac0-11ef-9911-f661ea17fbcd")
        #expect(rule.name == "AWS IAM Create User via Assumed Role on EC2 Instance")
        #expect(rule.type == .newTerms)
        #expect(
            rule.query == """
                event.dataset: "aws.cloudtrail" and event.provider: "iam.amazonaws.com" and event.action: "CreateUser" \
                and event.outcome: "success" and aws.cloudtrail.user_identity.type: "AssumedRole" and \
                aws.cloudtrail.user_identity.arn: *i-*

                """)
        #expect(
            rule.newTerms
                == NewTermsSettings(fields: ["aws.cloudtrail.user_identity.arn"], historyWindowStart: "now-14d"))
        #expect(rule.severity == .medium)
        #expect(rule.riskScore == 47)
        #expect(rule.from == "now-9m")
        #expect(try RelativeDuration(parsing: rule.from).seconds == 540)
        #expect(rule.interval == "5m")
        #expect(rule.maxSignals == 100)
        #expect(rule.version == 1)
        #expect(rule.tags == Self.commonTags)
        #expect(rule.investigationFields == Self.investigationFields)
        #expect(rule.metadata.creationDate == "2024/11/04")
        #expect(rule.metadata.integration == ["aws"])

        let threat = try #require(rule.threat.first)
        #expect(threat.tactic.id == "TA0003")
        #expect(threat.techniques.map(\.id) == ["T1136"])
        #expect(threat.techniques.first?.subtechniques.map(\.id) == ["T1136.003"])
        #expect(
            threat.techniques.first?.subtechniques.first?.reference == "https://attack.mitre.org/techniques/T1136/003/")

        let guide = try #require(rule.investigationGuide)
        #expect(guide.steps.count == 6)
        #expect(guide.steps[1].title == "Confirm the session name is an EC2 instance id")
        #expect(guide.steps.contains { $0.details.joined().contains("CreateAccessKey") })
        #expect(guide.steps.contains { $0.details.joined().contains("request_parameters.userName") })
        #expect(guide.falsePositiveNotes.count == 3)
        #expect(guide.responseSteps.count == 4)
    }

    @Test func queryPositionPointsIntoTheBundledFile() throws {
        let rule = try RuleLoader.load(fileAt: TestPaths.bundledRule("aws_iam_roles_anywhere_profile_creation.toml"))
        let position = try #require(rule.queryPosition)
        let text = try String(contentsOfFile: rule.sourcePath, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[position.line - 1] == "event.dataset: aws.cloudtrail")
        #expect(lines[position.line] == "and event.provider: rolesanywhere.amazonaws.com")
    }

    @Test func bundledDirectoryLoadsWithoutErrors() {
        let result = RuleLoader.load(paths: [TestPaths.bundledRules.path])
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.rules.count == 2)
    }
}
