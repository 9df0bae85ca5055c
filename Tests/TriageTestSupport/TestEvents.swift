import Alerts
import DetectionRules
import ECSMapping
import TrailTriageJSON
import TriageModel

/// Small CloudTrail records mapped through the real ECS mapper.
public enum TestEvents {
    public static func document(_ json: String) throws -> ECSDocument {
        let value = try JSONParser.parse(json)
        return try ECSMapper().map(value, originalText: json).document
    }

    public static let alice =
        #"""
        "userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLEUSER00001",\#
        "arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333",\#
        "accessKeyId":"AKIAEXAMPLEUSER00001","userName":"alice"}
        """#

    public static func assumed(role: String, session: String) -> String {
        #"""
        "userIdentity":{"type":"AssumedRole","principalId":"AROAEXAMPLEROLE00001:\#(session)",\#
        "arn":"arn:aws:sts::111122223333:assumed-role/\#(role)/\#(session)","accountId":"111122223333",\#
        "accessKeyId":"ASIAEXAMPLEINST00001","sessionContext":{"sessionIssuer":{"type":"Role",\#
        "principalId":"AROAEXAMPLEROLE00001","arn":"arn:aws:iam::111122223333:role/\#(role)",\#
        "accountId":"111122223333","userName":"\#(role)"},"attributes":{"creationDate":"2026-03-10T08:00:00Z",\#
        "mfaAuthenticated":"false"}}}
        """#
    }

    public static let createProfile =
        #"""
        {"eventVersion":"1.09",\#(alice),"eventTime":"2026-03-10T09:00:00Z",\#
        "eventSource":"rolesanywhere.amazonaws.com","eventName":"CreateProfile","awsRegion":"us-east-1",\#
        "sourceIPAddress":"203.0.113.10","userAgent":"aws-cli/2.15.30","requestParameters":{"name":"partner-sync",\#
        "roleArns":["arn:aws:iam::111122223333:role/AdminAccess","arn:aws:iam::111122223333:role/S3Export"],\#
        "durationSeconds":43200,"enabled":true},"responseElements":{"profile":{"name":"partner-sync",\#
        "profileArn":"arn:aws:rolesanywhere:us-east-1:111122223333:profile/4a3b2c1d","durationSeconds":43200}},\#
        "eventID":"ra-tp-profile","eventType":"AwsApiCall","recipientAccountId":"111122223333"}
        """#

    public static let createTrustAnchor =
        #"""
        {"eventVersion":"1.09",\#(alice),"eventTime":"2026-03-10T08:55:00Z",\#
        "eventSource":"rolesanywhere.amazonaws.com","eventName":"CreateTrustAnchor","awsRegion":"us-east-1",\#
        "sourceIPAddress":"203.0.113.10","requestParameters":{"name":"partner-ca",\#
        "source":{"sourceType":"CERTIFICATE_BUNDLE","sourceData":{"x509CertificateData":"-----BEGIN \#
        CERTIFICATE-----"}},"enabled":true},\#
        "responseElements":{"trustAnchor":{\#
        "trustAnchorArn":"arn:aws:rolesanywhere:us-east-1:111122223333:trust-anchor/9f8e7d6c",\#
        "name":"partner-ca"}},"eventID":"ra-related-anchor","eventType":"AwsApiCall",\#
        "recipientAccountId":"111122223333"}
        """#

    public static func createUser(
        role: String, session: String, eventID: String = "cu-1", time: String = "2026-03-10T09:05:00Z",
        userAgent: String = "aws-cli/2.15.30"
    ) -> String {
        #"""
        {"eventVersion":"1.09",\#(assumed(role: role, session: session)),"eventTime":"\#(time)",\#
        "eventSource":"iam.amazonaws.com","eventName":"CreateUser","awsRegion":"us-east-1",\#
        "sourceIPAddress":"203.0.113.10","userAgent":"\#(userAgent)",\#
        "requestParameters":{"userName":"svc-backup"},"responseElements":{"user":{"userName":"svc-backup",\#
        "arn":"arn:aws:iam::111122223333:user/svc-backup"}},"eventID":"\#(eventID)","eventType":"AwsApiCall",\#
        "recipientAccountId":"111122223333"}
        """#
    }

    public static let describe =
        #"""
        {"eventVersion":"1.09",\#(alice),"eventTime":"2026-03-10T09:30:00Z","eventSource":"ec2.amazonaws.com",\#
        "eventName":"DescribeInstances","awsRegion":"us-east-1","sourceIPAddress":"ec2.amazonaws.com",\#
        "requestParameters":{"maxResults":5},"eventID":"desc-1","eventType":"AwsApiCall",\#
        "recipientAccountId":"111122223333"}
        """#

    /// An alert record for a document, as a scan would have produced it.
    public static func record(
        _ document: ECSDocument, uuid: String = "uuid-1", steps: [String] = ["Identify the actor", "Check the roles"]
    ) -> AlertRecord {
        var flat = JSONObject()
        flat["kibana.alert.uuid"] = .string(uuid)
        flat["kibana.alert.rule.rule_id"] = .string("rule-1")
        flat["kibana.alert.rule.name"] = .string("Test Rule")
        flat["kibana.alert.workflow_status"] = .string("open")
        for (key, value) in document.flattened() where key != "event.original" {
            flat.members.append(JSONMember(key: key, value: value))
        }
        return AlertRecord(
            uuid: uuid,
            rule: AlertRule(ruleID: "rule-1", name: "Test Rule", type: .query, severity: .low, riskScore: 21),
            mitre: [MITRETechnique(tactic: "TA0003 Persistence", technique: "T1098 Account Manipulation")],
            originalTime: document.timestampMilliseconds, flatJSON: flat,
            guide: GuideSnapshot(steps: steps, falsePositiveNotes: ["Admins"], responseSteps: ["Disable"])
        )
    }
}
