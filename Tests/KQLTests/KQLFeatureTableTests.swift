import KQL
import Testing

/// One row of table 1.3 in detection-semantics.md: a query plus documents it must and must not match.
struct FeatureCase: Sendable, CustomTestStringConvertible {
    var feature: String
    var query: String
    var matching: [TestDocument]
    var notMatching: [TestDocument]

    var testDescription: String { "\(feature): \(query)" }
}

extension FeatureCase {
    static let all: [FeatureCase] = [
        FeatureCase(
            feature: "unquoted value",
            query: "event.outcome: success",
            matching: [["event.outcome": ["success"]]],
            notMatching: [["event.outcome": ["failure"]], ["event.outcome": ["Success"]], [:]]),
        FeatureCase(
            feature: "quoted value",
            query: #"event.action: "CreateUser""#,
            matching: [["event.action": ["CreateUser"]]],
            notMatching: [["event.action": ["CreateUsers"]], ["event.action": ["createuser"]], [:]]),
        FeatureCase(
            feature: "quoted value with spaces or commas",
            query: #"source.as.organization.name: "MongoDB, Inc.""#,
            matching: [["source.as.organization.name": ["MongoDB, Inc."]]],
            notMatching: [
                ["source.as.organization.name": ["MongoDB"]], ["source.as.organization.name": ["MongoDB,  Inc."]],
            ]),
        FeatureCase(
            feature: "trailing wildcard",
            query: "aws.cloudtrail.user_identity.access_key_id: AKIA*",
            matching: [
                ["aws.cloudtrail.user_identity.access_key_id": ["AKIAIOSFODNN7EXAMPLE"]],
                ["aws.cloudtrail.user_identity.access_key_id": ["AKIA"]],
            ],
            notMatching: [
                ["aws.cloudtrail.user_identity.access_key_id": ["ASIAAKIA1234"]],
                ["aws.cloudtrail.user_identity.access_key_id": ["akiaiosfodnn7example"]],
                [:],
            ]),
        FeatureCase(
            feature: "leading + trailing wildcard",
            query: "user_agent.original: *Terraform*",
            matching: [
                ["user_agent.original": ["APN/1.0 HashiCorp/1.0 Terraform/1.5.7 (+https://www.terraform.io)"]],
                ["user_agent.original": ["Terraform"]],
            ],
            notMatching: [["user_agent.original": ["terraform/1.5.7"]], ["user_agent.original": ["Terraf orm"]]]),
        FeatureCase(
            feature: "leading + trailing wildcard around an escaped colon",
            query: #"user.id: *\:i-*"#,
            matching: [["user.id": ["AROAX:i-0abc"]], ["user.id": [":i-"]]],
            notMatching: [["user.id": ["AROAX:api-1"]], ["user.id": ["AROAXi-0abc"]]]),
        FeatureCase(
            feature: "leading wildcard only",
            query: "aws.cloudtrail.flattened.request_parameters.key: */.aws/credentials",
            matching: [
                ["aws.cloudtrail.flattened.request_parameters.key": ["home/alice/.aws/credentials"]],
                ["aws.cloudtrail.flattened.request_parameters.key": ["/.aws/credentials"]],
            ],
            notMatching: [["aws.cloudtrail.flattened.request_parameters.key": ["home/alice/.aws/credentials.bak"]]]),
        FeatureCase(
            feature: "infix wildcard",
            query: "aws.cloudtrail.user_identity.arn: arn*/terraform",
            matching: [["aws.cloudtrail.user_identity.arn": ["arn:aws:iam::123456789012:role/terraform"]]],
            notMatching: [
                ["aws.cloudtrail.user_identity.arn": ["arn:aws:iam::123456789012:role/terraform-ci"]],
                ["aws.cloudtrail.user_identity.arn": ["xarn:aws:iam::1:role/terraform"]],
            ]),
        FeatureCase(
            feature: "several wildcards",
            query: "aws.cloudtrail.request_parameters: *logging*enabled=false*",
            matching: [
                ["aws.cloudtrail.request_parameters": ["{bucketName=b, loggingConfiguration={enabled=false}}"]],
                ["aws.cloudtrail.request_parameters": ["loggingenabled=false"]],
            ],
            notMatching: [
                ["aws.cloudtrail.request_parameters": ["{enabled=false, logging=on}"]],
                ["aws.cloudtrail.request_parameters": ["{loggingConfiguration={enabled=true}}"]],
            ]),
        FeatureCase(
            feature: "unquoted value containing a space",
            query: "user_agent.original: (*S3 Browser* or *Cyberduck*)",
            matching: [
                ["user_agent.original": ["S3 Browser 11.5.7 https://s3browser.com"]],
                ["user_agent.original": ["Cyberduck/8.7.0.40629 (Mac OS X/14.1)"]],
            ],
            notMatching: [["user_agent.original": ["S3Browser"]], ["user_agent.original": ["s3 browser"]]]),
        FeatureCase(
            feature: "escaped character",
            query: #"user.name: system\:serviceaccount\:*"#,
            matching: [["user.name": ["system:serviceaccount:kube-system:aws-node"]]],
            notMatching: [
                ["user.name": ["system-serviceaccount:kube-system"]],
                ["user.name": ["xsystem:serviceaccount:kube-system"]],
            ]),
        FeatureCase(
            feature: "value list",
            query: #"event.action: ("PutObject" or "CopyObject")"#,
            matching: [["event.action": ["PutObject"]], ["event.action": ["CopyObject"]]],
            notMatching: [["event.action": ["GetObject"]], ["event.action": ["putobject"]], [:]]),
        FeatureCase(
            feature: "and inside a value list",
            query: "aws.cloudtrail.request_parameters: (*containerOverrides* and *command*)",
            matching: [["aws.cloudtrail.request_parameters": ["{overrides={containerOverrides=[{command=[sh]}]}}"]]],
            notMatching: [
                ["aws.cloudtrail.request_parameters": ["{overrides={containerOverrides=[]}}"]],
                ["aws.cloudtrail.request_parameters": ["{command=[sh]}"]],
            ]),
        FeatureCase(
            feature: "exists-and-not in a value list",
            query: "source.as.organization.name: (* and not (AMAZON* or Amazon*))",
            matching: [["source.as.organization.name": ["MongoDB, Inc."]]],
            notMatching: [
                ["source.as.organization.name": ["AMAZON-02"]],
                ["source.as.organization.name": ["Amazon.com, Inc."]],
                [:],
            ]),
        FeatureCase(
            feature: "not in value position",
            query: "aws.cloudtrail.user_identity.arn: not *AWSServiceRoleForConfig*",
            matching: [["aws.cloudtrail.user_identity.arn": ["arn:aws:iam::123456789012:user/alice"]], [:]],
            notMatching: [
                [
                    "aws.cloudtrail.user_identity.arn":
                        ["arn:aws:sts::123456789012:assumed-role/AWSServiceRoleForConfig/AWSConfig-Describe"]
                ]
            ]),
        FeatureCase(
            feature: "single-value group",
            query: #"event.provider: ("iam.amazonaws.com")"#,
            matching: [["event.provider": ["iam.amazonaws.com"]]],
            notMatching: [["event.provider": ["sts.amazonaws.com"]]]),
        FeatureCase(
            feature: "not field: value",
            query: #"not aws.cloudtrail.user_identity.type: "AWSService""#,
            matching: [["aws.cloudtrail.user_identity.type": ["IAMUser"]], [:]],
            notMatching: [["aws.cloudtrail.user_identity.type": ["AWSService"]]]),
        FeatureCase(
            feature: "not (group)",
            query: #"not (source.address: "sso.amazonaws.com" and user_agent.original: "sso.amazonaws.com")"#,
            matching: [
                ["source.address": ["sso.amazonaws.com"], "user_agent.original": ["aws-cli/2.15"]],
                [:],
            ],
            notMatching: [["source.address": ["sso.amazonaws.com"], "user_agent.original": ["sso.amazonaws.com"]]]),
        FeatureCase(
            feature: "field: *",
            query: "source.ip: *",
            matching: [["source.ip": ["203.0.113.7"]], ["source.ip": ["2001:db8::1"]]],
            notMatching: [[:], ["source.ip": []], ["source.address": ["203.0.113.7"]]]),
        FeatureCase(
            feature: "not field: *",
            query: "not aws.cloudtrail.user_identity.invoked_by: *",
            matching: [[:], ["aws.cloudtrail.user_identity.invoked_by": []]],
            notMatching: [["aws.cloudtrail.user_identity.invoked_by": ["ec2.amazonaws.com"]]]),
        FeatureCase(
            feature: "nested parentheses (depth 2) and query-level or",
            query: """
                event.provider: "guardduty.amazonaws.com" and \
                ((event.action: ("DeleteDetector" or "DeleteMembers") and event.outcome: success) or \
                (event.action: "UpdateDetector" and aws.cloudtrail.flattened.request_parameters.enable: false))
                """,
            matching: [
                [
                    "event.provider": ["guardduty.amazonaws.com"], "event.action": ["DeleteMembers"],
                    "event.outcome": ["success"],
                ],
                [
                    "event.provider": ["guardduty.amazonaws.com"], "event.action": ["UpdateDetector"],
                    "aws.cloudtrail.flattened.request_parameters.enable": ["false"],
                ],
            ],
            notMatching: [
                [
                    "event.provider": ["guardduty.amazonaws.com"], "event.action": ["UpdateDetector"],
                    "aws.cloudtrail.flattened.request_parameters.enable": ["true"],
                ],
                [
                    "event.provider": ["guardduty.amazonaws.com"], "event.action": ["DeleteDetector"],
                    "event.outcome": ["failure"],
                ],
                [
                    "event.provider": ["s3.amazonaws.com"], "event.action": ["DeleteDetector"],
                    "event.outcome": ["success"],
                ],
            ]),
        FeatureCase(
            feature: "query-level or across fields",
            query: #"aws.cloudtrail.user_identity.type: "Root" or user.name: "root""#,
            matching: [["aws.cloudtrail.user_identity.type": ["Root"]], ["user.name": ["root"]]],
            notMatching: [["aws.cloudtrail.user_identity.type": ["IAMUser"], "user.name": ["alice"]], [:]]),
        FeatureCase(
            feature: "unquoted true/false",
            query: "aws.cloudtrail.console_login.additional_eventdata.mfa_used: false",
            matching: [["aws.cloudtrail.console_login.additional_eventdata.mfa_used": ["false"]]],
            notMatching: [
                ["aws.cloudtrail.console_login.additional_eventdata.mfa_used": ["true"]],
                ["aws.cloudtrail.console_login.additional_eventdata.mfa_used": ["False"]],
                [:],
            ]),
        FeatureCase(
            feature: "boolean literal or its quoted text on a flattened field",
            query: #"aws.cloudtrail.flattened.request_parameters.withDecryption: (true or "true")"#,
            matching: [["aws.cloudtrail.flattened.request_parameters.withDecryption": ["true"]]],
            notMatching: [["aws.cloudtrail.flattened.request_parameters.withDecryption": ["false"]]]),
        FeatureCase(
            feature: "numeric literal",
            query: "source.as.number: (216025 or 14061)",
            matching: [["source.as.number": ["14061"]], ["source.as.number": ["216025"]]],
            notMatching: [["source.as.number": ["140610"]], ["source.as.number": ["16509"]], [:]]),
        FeatureCase(
            feature: "numeric literal against an array of objects' leaves",
            query: "aws.cloudtrail.flattened.request_parameters.ipPermissions.items.fromPort: (21 or 22)",
            matching: [["aws.cloudtrail.flattened.request_parameters.ipPermissions.items.fromPort": ["443", "22"]]],
            notMatching: [
                ["aws.cloudtrail.flattened.request_parameters.ipPermissions.items.fromPort": ["443", "3389"]]
            ]),
        FeatureCase(
            feature: "and-only query",
            query: """
                event.dataset: aws.cloudtrail
                and event.provider: rolesanywhere.amazonaws.com
                and event.action: CreateProfile
                and event.outcome: success
                """,
            matching: [
                [
                    "event.dataset": ["aws.cloudtrail"], "event.provider": ["rolesanywhere.amazonaws.com"],
                    "event.action": ["CreateProfile"], "event.outcome": ["success"],
                ]
            ],
            notMatching: [
                [
                    "event.dataset": ["aws.cloudtrail"], "event.provider": ["rolesanywhere.amazonaws.com"],
                    "event.action": ["CreateProfile"], "event.outcome": ["failure"],
                ]
            ]),
    ]
}

@Suite("Table 1.3 features")
struct KQLFeatureTableTests {
    @Test(arguments: FeatureCase.all)
    func matchesTheRightDocuments(_ feature: FeatureCase) throws {
        let query = try parsed(feature.query)
        for document in feature.matching {
            #expect(query.matches(document), "should match \(document)")
        }
        for document in feature.notMatching {
            #expect(!query.matches(document), "should not match \(document)")
        }
    }

    @Test func everyCaseHasBothOutcomes() {
        for feature in FeatureCase.all {
            #expect(!feature.matching.isEmpty && !feature.notMatching.isEmpty, "\(feature.feature)")
        }
    }
}
