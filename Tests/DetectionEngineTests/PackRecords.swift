import Foundation
import KQL

@testable import DetectionEngine

/// CloudTrail records aimed at a rule pack: for every provider and action the rules pin, a
/// spread of identities, outcomes, clients and sources, so most rules both match and narrowly
/// miss. Plus records shaped to trip a byte-level reader (placeholders, escapes, odd types,
/// repeated keys, EventBridge envelopes).
enum PackRecords {
    /// One NDJSON line per record.
    static func lines(for rules: [CompiledRule]) -> [String] {
        var pairs: Set<[String]> = []
        for rule in rules {
            let providers =
                rule.providerRequirement.map { $0.exact.sorted() + $0.prefixes.map { $0 + "x" } }
                ?? ["iam.amazonaws.com"]
            let actions =
                rule.actionRequirement.map { $0.exact.sorted() + $0.prefixes.sorted().map { $0 + "20150331" } }
                ?? ["ListUsers"]
            for provider in providers {
                for action in actions { pairs.insert([provider, action]) }
            }
        }
        var lines: [String] = []
        var serial = 0
        for pair in pairs.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            for variant in 0..<identities.count * 2 {
                serial += 1
                lines.append(record(serial: serial, provider: pair[0], action: pair[1], variant: variant))
            }
        }
        lines.append(contentsOf: odd(serial: serial))
        return lines
    }

    private static let identities: [String] = [
        #"""
        {"type":"IAMUser","principalId":"AIDAEXAMPLE1","arn":"arn:aws:iam::111122223333:user/alice",\#
        "accountId":"111122223333","accessKeyId":"AKIAEXAMPLE1","userName":"alice"}
        """#,
        #"""
        {"type":"AssumedRole","principalId":"AROAEXAMPLE2:i-0abc1234def567890",\#
        "arn":"arn:aws:sts::111122223333:assumed-role/app/i-0abc1234def567890","accountId":"111122223333",\#
        "accessKeyId":"ASIAEXAMPLE2","sessionContext":{"sessionIssuer":{"type":"Role",\#
        "principalId":"AROAEXAMPLE2","arn":"arn:aws:iam::111122223333:role/AgentCore-app",\#
        "accountId":"111122223333","userName":"app"},"attributes":{"creationDate":"2026-03-01T00:00:00Z",\#
        "mfaAuthenticated":"false"}}}
        """#,
        #"{"type":"AWSService","invokedBy":"ec2.amazonaws.com"}"#,
        #"""
        {"type":"Root","principalId":"111122223333","arn":"arn:aws:iam::111122223333:root",\#
        "accountId":"111122223333","accessKeyId":"ASIAEXAMPLE3"}
        """#,
        #"""
        {"type":"IAMUser","principalId":"AIDAEXAMPLE5","arn":"arn:aws:iam::111122223333:user/BedrockAPIKey-x1",\#
        "accountId":"111122223333","accessKeyId":"AKIAEXAMPLE5","userName":"BedrockAPIKey-x1"}
        """#,
        #"""
        {"type":"FederatedUser","principalId":"111122223333:dev",\#
        "arn":"arn:aws:sts::111122223333:federated-user/dev","accountId":"111122223333",\#
        "sessionContext":{"sessionIssuer":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/dev",\#
        "userName":"dev"}}}
        """#,
        #"""
        {"type":"IAMUser","principalId":"AIDAEXAMPLE4","arn":"arn:aws:iam::444455556666:user/terraform",\#
        "accountId":"444455556666","accessKeyId":"ASIAEXAMPLE4","userName":"bob"}
        """#,
    ]

    private static let parameters = [
        #""reason":"requestParameters too large","omitted":true"#,
        #""withDecryption":true,"name":"/prod/db""#,
        #""serialNumber":"arn:aws:iam::111122223333:mfa/alice","roleArn":"arn:aws:iam::111122223333:role/admin""#,
        #""key":"home/ops/.aws/credentials","bucketName":"backups""#,
        #""x-amz-server-side-encryption-customer-algorithm":"AES256","key":"data.bin""#,
        #"""
        "withDecryption":false,"ipPermissions":{"items":[{"fromPort":22,\#
        "ipRanges":{"items":[{"cidrIp":"0.0.0.0/0"}]}}]}
        """#,
        #""withDecryption":"none","serialNumber":"-""#,
    ]

    private static let resources = [
        #"[{"ARN":"arn:aws:iam::111122223333:role/admin","accountId":"111122223333","type":"AWS::IAM::Role"}]"#,
        #"[{"arn":"arn:aws:s3:::backups"},{"ARN":"-","arn":"arn:aws:s3:::logs"},null]"#,
        #"[{"ARN":"arn:aws:kms:us-east-1:111122223333:key/1"},{"ARN":"arn:aws:kms:us-east-1:111122223333:key/1"}]"#,
        #"null"#,
        #"[]"#,
    ]

    private static let agents = [
        "aws-cli/2.15.0", "S3 Browser 10.9", "Terraform/1.6 aws-sdk-go", "AWS Internal", "Boto3/1.34",
    ]
    private static let sources = ["203.0.113.10", "ec2.amazonaws.com", "2001:db8::7", "AWS Internal", "198.51.100.4"]

    private static func record(serial: Int, provider: String, action: String, variant: Int) -> String {
        let identity = identities[variant % identities.count]
        let failed = variant >= identities.count
        // Events every few hours over three weeks, so new_terms rules see history and repeats.
        let seconds = (serial * 7_919) % (21 * 86_400)
        let time = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: 1_772_323_200 + Double(seconds)))
        var fields = [
            #""eventVersion":"1.09""#,
            #""userIdentity":\#(identity)"#,
            #""eventTime":"\#(time)""#,
            #""eventSource":"\#(provider)""#,
            #""eventName":"\#(action)""#,
            #""awsRegion":"us-east-1""#,
            #""sourceIPAddress":"\#(sources[(serial / 3) % sources.count])""#,
            #""userAgent":"\#(agents[serial % agents.count])""#,
            #""requestParameters":{"userName":"u\#(serial % 4)",\#(parameters[serial % parameters.count])}"#,
            #""responseElements":null"#,
            #""eventID":"pack-\#(serial)""#,
            #""resources":\#(resources[serial % resources.count])"#,
            #""eventType":"AwsApiCall""#,
            #""recipientAccountId":"111122223333""#,
        ]
        if failed {
            fields.append(#""errorCode":"AccessDenied","errorMessage":"denied""#)
        }
        if serial % 5 == 0 {
            fields.append(#""sessionCredentialFromConsole":"true""#)
        }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// Records a byte-level reader could misread; each must be judged as the mapper would.
    private static func odd(serial: Int) -> [String] {
        let identity = identities[0]
        let base =
            #"""
            "eventTime":"2026-03-05T10:00:00Z","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.10",\#
            "userAgent":"aws-cli"
            """#
        let bodies = [
            #""eventSource":"iam.amazonaws.com","eventName":"CreateUser","errorCode":"-","userIdentity":\#(identity)"#,
            #""eventSource":"iam.amazonaws.com","eventName":"CreateUser","errorCode":null,"userIdentity":\#(identity)"#,
            #""eventSource":"iam.amazonaws.com","eventName":"CreateUser","errorCode":5,"userIdentity":\#(identity)"#,
            #"""
            "eventSource":"iam.amazonaws.com","eventName":"CreateUser","errorMessage":"none",\#
            "userIdentity":\#(identity)
            """#,
            #"""
            "eventSource":"iam.amazonaws.com","eventName":"CreateUser","errorCode":"\u002d",\#
            "userIdentity":\#(identity)
            """#,
            #""eventSource":"iam.amazonaws.com","eventName":"Create\u0055ser","userIdentity":\#(identity)"#,
            #""eventSource":"iam.amazonaws.com","eventName":"-","userIdentity":\#(identity)"#,
            #""eventSource":"-","eventName":"CreateUser","userIdentity":\#(identity)"#,
            #""eventSource":"iam.amazonaws.com","eventName":"CreateUser","userIdentity":null"#,
            #"""
            "eventSource":"iam.amazonaws.com","eventName":"CreateUser","userIdentity":{"type":"-",\#
            "arn":"arn:aws:iam::1:user/x"}
            """#,
            #"""
            "eventSource":"iam.amazonaws.com","eventName":"CreateUser","userIdentity":{"type":"IAMUser",\#
            "type":"Root"}
            """#,
            #""eventSource":"iam.amazonaws.com","eventName":"CreateUser","userIdentity":{"typ\u0065":"Root"}"#,
            #""eventSource":"iam.amazonaws.com","eventName":"CreateUser","userIdentity":{"type":"IAMUsér"}"#,
            #""eventSource":"iam.amazonaws.com","eventName":"CreateUser","userIdentity":"IAMUser""#,
            #""eventSource":"iam.amazonaws.com","eventName":"CreateUser","userAgent":"x","userIdentity":\#(identity)"#,
            #"""
            "eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin",\#
            "responseElements":{"ConsoleLogin":"Failure"},"userIdentity":\#(identity)
            """#,
            #"""
            "eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","errorMessage":"Failed \#
            authentication","responseElements":{"ConsoleLogin":"Success"},"userIdentity":\#(identity)
            """#,
            #"""
            "eventSource":"iam.amazonaws.com","eventName":"CreateUser","sourceIPAddress":"10.0.0.01",\#
            "userIdentity":\#(identity)
            """#,
            #"""
            "eventSource":"sso.amazonaws.com","eventName":"UserAuthentication",\#
            "additionalEventData":{"UserName":"carol"},"userIdentity":{"type":"IdentityCenterUser",\#
            "accountId":"1"}
            """#,
            #"""
            "eventSource":"ssm.amazonaws.com","eventName":"GetParameter",\#
            "requestParameters":{"withDecryption.x":true,"withDecryption":true},"userIdentity":\#(identity)
            """#,
            #"""
            "eventSource":"ssm.amazonaws.com","eventName":"GetParameter",\#
            "requestParameters":{"withDecryption":true,"withDecryption":false},"userIdentity":\#(identity)
            """#,
            #"""
            "eventSource":"ssm.amazonaws.com","eventName":"GetParameter",\#
            "requestParameters":{"withDecryption":true,"pad":"\#(String(repeating: "p", count: 2_000))"},\#
            "userIdentity":\#(identity)
            """#,
            #"""
            "eventSource":"ssm.amazonaws.com","eventName":"GetParameter","requestParameters":"withDecryption",\#
            "userIdentity":\#(identity)
            """#,
            #"""
            "eventSource":"sts.amazonaws.com","eventName":"AssumeRole","userIdentity":{"type":"AssumedRole",\#
            "sessionContext":{"sessionIssuer":null}}
            """#,
            #"""
            "eventSource":"sts.amazonaws.com","eventName":"AssumeRole","userIdentity":{"type":"AssumedRole",\#
            "sessionContext":{"sessionIssuer":{"arn":"-"}}}
            """#,
            #"""
            "eventSource":"sts.amazonaws.com","eventName":"AssumeRole","userIdentity":{"type":"AssumedRole",\#
            "sessionContext":"x"}
            """#,
            #"""
            "eventSource":"sts.amazonaws.com","eventName":"AssumeRole","userIdentity":{"type":"AssumedRole",\#
            "userName":"u",\#
            "sessionContext":{"sessionIssuer":{\#
            "arn":"arn:aws:iam::1:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS",\#
            "userName":"AWSServiceRoleForECS"}}}
            """#,
            #"""
            "eventSource":"sts.amazonaws.com","eventName":"AssumeRole","userIdentity":{"type":"AssumedRole",\#
            "userName":"u","sessionContext":{"sessionIssuer":{"arn":"arn:aws:iam::1:role/r"}}}
            """#,
            #"""
            "eventSource":"sts.amazonaws.com","eventName":"AssumeRole","resources":[{"ARN":5}],\#
            "userIdentity":\#(identity)
            """#,
            #"""
            "eventSource":"sts.amazonaws.com","eventName":"AssumeRole","resources":{"ARN":"x"},\#
            "userIdentity":\#(identity)
            """#,
            #"""
            "eventSource":"sts.amazonaws.com","eventName":"AssumeRole","recipientAccountId":"999",\#
            "userIdentity":{"type":"Root","accountId":"-"}
            """#,
            // user.id: the principal, else the user a session acts for; never a service's.
            #"""
            "eventSource":"sts.amazonaws.com","eventName":"GetCallerIdentity","userIdentity":{"type":"AWSService",\#
            "principalId":"AROASERVICE:i-0123"}
            """#,
            #"""
            "eventSource":"sts.amazonaws.com","eventName":"GetCallerIdentity","userIdentity":{"type":"IAMUser",\#
            "principalId":"","onBehalfOf":{"userId":"u-1"}}
            """#,
            #"""
            "eventSource":"sts.amazonaws.com","eventName":"GetCallerIdentity","userIdentity":{"type":"IAMUser",\#
            "principalId":null,"onBehalfOf":{"userId":"u-2"}}
            """#,
            #"""
            "eventSource":"sts.amazonaws.com","eventName":"GetCallerIdentity","userIdentity":{"type":5,\#
            "principalId":"AROA:i-0456"}
            """#,
            #"""
            "eventSource":"sts.amazonaws.com","eventName":"GetCallerIdentity","userIdentity":{\#
            "principalId":"AROA:i-\u0030789"}
            """#,
            #"""
            "eventSource":"sts.amazonaws.com","eventName":"GetCallerIdentity","userIdentity":{"type":"Unknown",\#
            "principalId":7}
            """#,
        ]
        var lines = bodies.enumerated().map { index, body in
            "{" + base + "," + body + #","eventID":"odd-\#(serial + index)"}"#
        }
        // An EventBridge envelope around an event most IAM rules would match.
        lines.append(
            #"{"version":"0","detail-type":"AWS API Call via CloudTrail","source":"aws.iam","detail":{"#
                + base
                    + #"""
                    ,"eventSource":"iam.amazonaws.com","eventName":"CreateAccessKey","userIdentity":\#(identity),\#
                    "eventID":"odd-bridge"}}
                    """#
        )
        return lines
    }
}
