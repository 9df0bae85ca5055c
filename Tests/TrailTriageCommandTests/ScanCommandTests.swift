import Foundation
import TestSupport
import Testing
import TrailTriageJSON

@Suite struct ScanCommandTests {
    static let fixtures = "Tests/Fixtures/seed-rules"

    @Test func versionAndHelp() throws {
        let version = try CommandRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let help = try CommandRunner.run(["scan", "--help"])
        #expect(help.standardOutput.contains("--rules"))
        #expect(help.standardOutput.contains("--strict"))
    }

    @Test func ndjsonOutputHasOneSortedAlertPerLineWithKibanaAndECSFields() throws {
        let outcome = try CommandRunner.run(["scan", Self.fixtures])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        let alerts = try lines.map { try #require(JSONParser.parse($0).objectValue) }
        let required = [
            "kibana.alert.uuid", "kibana.alert.rule.rule_id", "kibana.alert.rule.name", "kibana.alert.severity",
            "kibana.alert.risk_score", "kibana.alert.original_time", "kibana.alert.workflow_status", "event.id",
            "event.action", "event.provider", "event.outcome", "cloud.account.id", "cloud.region", "user.id",
            "user.name",
            "aws.cloudtrail.user_identity.arn", "aws.cloudtrail.user_identity.type",
            "aws.cloudtrail.user_identity.access_key_id",
            "source.ip", "user_agent.original", "aws.cloudtrail.request_parameters",
        ]
        for alert in alerts {
            for key in required {
                #expect(alert[key] != nil, "missing \(key)")
            }
            #expect(alert["kibana.alert.workflow_status"] == .string("open"))
        }
        let times = alerts.compactMap { $0["kibana.alert.original_time"]?.stringValue }
        #expect(times == times.sorted())
        let profile = try #require(alerts.first { $0["event.action"] == .string("CreateProfile") })
        #expect(profile["kibana.alert.severity"] == .string("low"))
        #expect(profile["kibana.alert.risk_score"] == .number("21"))
        #expect(profile["aws.cloudtrail.flattened.request_parameters.roleArns"]?.arrayValue?.count == 2)
        let createUser = try #require(alerts.first { $0["event.action"] == .string("CreateUser") })
        #expect(
            createUser["kibana.alert.new_terms"]
                == .array([.string("arn:aws:sts::111122223333:assumed-role/ec2-app-role/i-0a1b2c3d4e5f60718")]))
        #expect(outcome.standardError.contains("alerts: 1 AWS IAM Roles Anywhere Profile Creation"))
        #expect(outcome.standardError.contains("alerts: 4 AWS IAM Create User via Assumed Role on EC2 Instance"))
        #expect(outcome.standardError.contains("records: 15 read"))

        let again = try CommandRunner.run(["scan", Self.fixtures])
        #expect(again.standardOutput == outcome.standardOutput, "the same input must give the same alert ids")
    }

    @Test func readsStandardInput() throws {
        let file =
            Self.fixtures
                + """
                /AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/10/\
                111122223333_CloudTrail_us-east-1_20260310T0900Z_fixture01.json
                """
        let text = try String(contentsOfFile: CommandRunner.repositoryRoot + "/" + file, encoding: .utf8)
        let outcome = try CommandRunner.run(["scan", "-", "--format", "table"], input: text)
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("AWS IAM Roles Anywhere Profile Crea"))
        #expect(outcome.standardOutput.contains("CreateProfile"))
        #expect(outcome.standardOutput.split(separator: "\n").count == 4)  // header + 3 alerts
    }

    @Test func tableNeverWritesEscapeSequencesFromTheLog() throws {
        let hostile =
            #"""
            {"eventVersion":"1.09","eventTime":"2026-03-10T09:00:00Z","eventSource":"rolesanywhere.amazonaws.com",\#
            "eventName":"CreateProfile","eventID":"hostile","awsRegion":"us-east-1",\#
            "sourceIPAddress":"198.51.100.7","userAgent":"curl\u001b]0;pwned\u0007\u001b[2J\u202egnp.exe",\#
            "userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/\u001b[31mmallory",\#
            "accountId":"111122223333","userName":"mallory"}}
            """#
        for format in ["table", "ndjson"] {
            let outcome = try CommandRunner.run(["scan", "-", "--format", format], input: hostile)
            #expect(outcome.status == 0)
            #expect(
                !outcome.standardOutput.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" || $0 == "\u{202E}" },
                "\(format)")
            #expect(outcome.standardOutput.contains("mallory"))
        }
    }

    @Test func strictExitsOneOnUnreadableInputAndBrokenRulesExitTwo() throws {
        let lenient = try CommandRunner.run(["scan", "/nonexistent/trail.json.gz", Self.fixtures])
        #expect(lenient.status == 0)
        #expect(lenient.standardError.contains("/nonexistent/trail.json.gz"))
        #expect(lenient.standardError.contains("no such file"))
        let strict = try CommandRunner.run(["scan", "--strict", "/nonexistent/trail.json.gz", Self.fixtures])
        #expect(strict.status == 1)

        let scratch = try ScratchDirectory()
        let directory = scratch.path
        try "[rule]\nname = \"half a rule\"\n".write(
            toFile: directory + "/broken.toml", atomically: true, encoding: .utf8)
        let broken = try CommandRunner.run([
            "scan", "--rules", directory + "/broken.toml", "--rules", "Assets/rules", Self.fixtures,
        ])
        #expect(broken.status == 2)
        #expect(broken.standardError.contains("broken.toml"))
        #expect(broken.standardOutput.split(separator: "\n").count == 5, "the good rules still ran")

        let usage = try CommandRunner.run(["scan"])
        #expect(usage.status == 2)
        #expect(usage.standardError.contains("Usage: trailtriage scan"))
    }

    @Test func strictExitsOneWhenTwoRecordsShareAnEventIDWithDifferentContent() throws {
        func profile(name: String) -> String {
            #"{"eventVersion":"1.09","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/alice","#
                + #""accountId":"111122223333","principalId":"AIDAX","userName":"alice"},"#
                + #""eventTime":"2026-03-10T09:00:00Z","eventSource":"rolesanywhere.amazonaws.com","#
                + #""eventName":"CreateProfile","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.9","#
                + #""eventID":"shared-id","requestParameters":{"name":"\#(name)"}}"#
        }
        let scratch = try ScratchDirectory()
        try scratch.write("a.json", #"{"Records":[\#(profile(name: "partner-sync"))]}"#)
        try scratch.write("b.json", #"{"Records":[\#(profile(name: "decoy"))]}"#)
        let lenient = try CommandRunner.run(["scan", scratch.path])
        #expect(lenient.status == 0, "\(lenient.standardError)")
        #expect(lenient.standardError.contains("eventID conflict"))
        let strict = try CommandRunner.run(["scan", "--strict", scratch.path])
        #expect(strict.status == 1, "\(strict.standardError)")
        #expect(strict.standardOutput.split(separator: "\n").count == 2, "both events still alert")

        // A re-delivery of the same content is no conflict, and strict has nothing to refuse.
        try scratch.write("b.json", #"{"Records":[\#(profile(name: "partner-sync"))]}"#)
        let redelivered = try CommandRunner.run(["scan", "--strict", scratch.path])
        #expect(redelivered.status == 0, "\(redelivered.standardError)")
    }

    @Test func standardInputGivesTheSameAlertsAsTheFileThoughItCannotBeReadTwice() throws {
        let path =
            Self.fixtures + "/AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/10/"
            + "111122223333_CloudTrail_us-east-1_20260310T0900Z_fixture01.json"
        let fromFile = try CommandRunner.run(["scan", path])
        let fromInput = try CommandRunner.run(["scan", "-"], input: try String(contentsOfFile: path, encoding: .utf8))
        #expect(fromInput.status == 0, "\(fromInput.standardError)")
        let expected = fromFile.standardOutput.split(separator: "\n").map {
            $0.replacingOccurrences(
                of: #""trailtriage.source.file":"\#(path)""#, with: #""trailtriage.source.file":"-""#)
        }
        #expect(expected.count == 3)
        #expect(fromInput.standardOutput.split(separator: "\n").map(String.init) == expected)
    }

    @Test func outputFileIsPrivateAndNotOverwrittenWithoutForce() throws {
        let scratch = try ScratchDirectory()
        let directory = scratch.path
        let path = directory + "/alerts.ndjson"
        let first = try CommandRunner.run(["scan", Self.fixtures, "-o", path])
        #expect(first.status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count == 5)
        let second = try CommandRunner.run(["scan", Self.fixtures, "-o", path])
        #expect(second.status == 2)
        #expect(second.standardError.contains("already exists"))
        let forced = try CommandRunner.run(["scan", Self.fixtures, "-o", path, "--force"])
        #expect(forced.status == 0)
    }
}
