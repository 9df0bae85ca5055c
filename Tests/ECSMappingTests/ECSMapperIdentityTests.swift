import ECSMapping
import Testing
import TrailTriageJSON

/// Actor fields (spec §3.2, §3.3) from hand-written records.
@Suite struct ECSMapperIdentityTests {
    static let instanceRoleSession = #"""
        {"eventVersion":"1.10","userIdentity":{"type":"AssumedRole",\#
        "principalId":"AROAEXAMPLEROLEID:i-0abc1234def567890",\#
        "arn":"arn:aws:sts::111122223333:assumed-role/ec2-instance-role/i-0abc1234def567890",\#
        "accountId":"111122223333","accessKeyId":"ASIAEXAMPLEKEY","sessionContext":{"sessionIssuer":{"type":"Role",\#
        "principalId":"AROAEXAMPLEROLEID","arn":"arn:aws:iam::111122223333:role/ec2-instance-role",\#
        "accountId":"111122223333","userName":"ec2-instance-role"},\#
        "attributes":{"creationDate":"2024-10-30T19:14:35Z","mfaAuthenticated":false},"ec2RoleDelivery":"2.0"}},\#
        "eventTime":"2024-10-30T20:01:59Z","eventSource":"iam.amazonaws.com","eventName":"CreateUser",\#
        "awsRegion":"us-east-1","sourceIPAddress":"198.51.100.7","userAgent":"aws-cli/2.18.17",\#
        "requestParameters":{"userName":"backdoor"},"responseElements":{"user":{"path":"/","userName":"backdoor",\#
        "userId":"AIDANEWUSER","arn":"arn:aws:iam::111122223333:user/backdoor","createDate":"Oct 30, 2024, 8:01:59 \#
        PM"}},"eventID":"e1","readOnly":false,"eventType":"AwsApiCall","managementEvent":true,\#
        "recipientAccountId":"111122223333"}
        """#

    @Test func ec2InstanceRoleSessionUsesPrincipalIDAndRoleName() throws {
        let result = try mapRecord(Self.instanceRoleSession)
        let document = result.document
        #expect(result.warnings.isEmpty)
        #expect(document.string(at: "user.id") == "AROAEXAMPLEROLEID:i-0abc1234def567890")
        #expect(document.string(at: "user.name") == "ec2-instance-role")
        #expect(document.string(at: "aws.cloudtrail.user_identity.type") == "AssumedRole")
        #expect(
            document.string(at: "aws.cloudtrail.user_identity.arn")
                == "arn:aws:sts::111122223333:assumed-role/ec2-instance-role/i-0abc1234def567890")
        #expect(
            document.string(at: "aws.cloudtrail.user_identity.principal_id") == "AROAEXAMPLEROLEID:i-0abc1234def567890")
        #expect(
            document.string(at: "aws.cloudtrail.user_identity.session_context.session_issuer.arn")
                == "arn:aws:iam::111122223333:role/ec2-instance-role")
        #expect(
            document.string(at: "aws.cloudtrail.user_identity.session_context.creation_date")
                == "2024-10-30T19:14:35.000Z")
        // A JSON boolean still becomes the keyword text Elastic stores.
        #expect(
            document.values(at: "aws.cloudtrail.user_identity.session_context.mfa_authenticated") == [.string("false")])
        #expect(document.values(at: "aws.cloudtrail.management_event") == [.string("true")])
        #expect(document.values(at: "aws.cloudtrail.read_only") == [.bool(false)])
        #expect(document.string(at: "aws.cloudtrail.user_identity.session_context.ec2_role_delivery") == "2.0")
        #expect(document.string(at: "user.target.name") == "backdoor")
        #expect(document.string(at: "user.target.id") == "AIDANEWUSER")
        #expect(document.values(at: "event.category") == [.string("iam")])
        #expect(document.values(at: "event.type") == [.string("user"), .string("creation")])
        let related = Set(document.keywordValues(at: "related.user"))
        #expect(
            related == [
                "i-0abc1234def567890", "backdoor", "AIDANEWUSER", "AROAEXAMPLEROLEID:i-0abc1234def567890",
                "ec2-instance-role",
            ])
        #expect(document.string(at: "service.name") == nil)
    }

    @Test func iamUserKeepsUserNameAndPrincipalID() throws {
        let record =
            #"""
            {"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDAALICE",\#
            "arn":"arn:aws:iam::111122223333:user/alice@example.com","accountId":"111122223333",\#
            "accessKeyId":"AKIAALICE","userName":"alice@example.com"},"eventTime":"2024-01-02T03:04:05Z",\#
            "eventSource":"s3.amazonaws.com","eventName":"ListBuckets","awsRegion":"eu-west-1",\#
            "sourceIPAddress":"2001:db8::7","userAgent":"Boto3","eventID":"e2",\#
            "recipientAccountId":"444455556666"}
            """#
        let document = try mapRecord(record).document
        #expect(document.string(at: "user.name") == "alice@example.com")
        #expect(document.string(at: "user.id") == "AIDAALICE")
        #expect(document.string(at: "user.email") == "alice@example.com")
        // userIdentity.accountId wins over recipientAccountId.
        #expect(document.string(at: "cloud.account.id") == "111122223333")
        #expect(document.string(at: "aws.cloudtrail.recipient_account_id") == "444455556666")
        #expect(document.string(at: "aws.cloudtrail.user_identity.access_key_id") == "AKIAALICE")
        #expect(document.string(at: "source.ip") == "2001:db8::7")
        #expect(document.keywordValues(at: "related.ip") == ["2001:db8::7"])
        #expect(document.string(at: "cloud.service.name") == "s3")
        #expect(document.values(at: "event.category") == [.string("file")])
        // An IAM user ARN has no session name.
        #expect(Set(document.keywordValues(at: "related.user")) == ["AIDAALICE", "alice@example.com"])
    }

    @Test func awsServiceCallerIsAServiceNotAUser() throws {
        let record =
            #"""
            {"eventVersion":"1.08","userIdentity":{"type":"AWSService","invokedBy":"ec2.amazonaws.com"},\#
            "eventTime":"2024-10-08T10:15:32Z","eventSource":"sts.amazonaws.com","eventName":"AssumeRole",\#
            "awsRegion":"us-east-1","sourceIPAddress":"ec2.amazonaws.com","userAgent":"ec2.amazonaws.com",\#
            "eventID":"e3","recipientAccountId":"111111111111"}
            """#
        let document = try mapRecord(record).document
        #expect(document.string(at: "source.address") == "ec2.amazonaws.com")
        #expect(document.values(at: "source.ip").isEmpty)
        #expect(document.values(at: "related.ip").isEmpty)
        #expect(document.values(at: "user.id").isEmpty)
        #expect(document.values(at: "user.name").isEmpty)
        #expect(document.values(at: "related.user").isEmpty)
        #expect(document.string(at: "service.name") == "ec2.amazonaws.com")
        #expect(document.string(at: "aws.cloudtrail.user_identity.invoked_by") == "ec2.amazonaws.com")
        #expect(document.string(at: "cloud.account.id") == "111111111111")
        #expect(document.values(at: "event.category") == [.string("authentication")])
    }

    @Test func serviceLinkedRoleSessionNamesTheServiceAndKeepsTheRoleAsUser() throws {
        let record =
            #"""
            {"userIdentity":{"type":"AssumedRole","principalId":"AROASLR:ElasticLoadBalancing",\#
            "arn":"arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForElasticLoadBalancing/ElasticLoadBalancing",\#
            "sessionContext":{"sessionIssuer":{"type":"Role",\#
            "arn":"arn:aws:iam::111122223333:role/aws-service-role/elasticloadbalancing.amazonaws.com/\#
            AWSServiceRoleForElasticLoadBalancing",\#
            "userName":"AWSServiceRoleForElasticLoadBalancing"}}},"eventTime":"2024-10-08T10:15:32Z",\#
            "eventSource":"ec2.amazonaws.com","eventName":"DescribeInstances","eventID":"e4"}
            """#
        let document = try mapRecord(record).document
        #expect(document.string(at: "service.name") == "elasticloadbalancing.amazonaws.com")
        // As Elastic's pipeline: the role is user.name and the principal user.id, service or not.
        #expect(document.string(at: "user.name") == "AWSServiceRoleForElasticLoadBalancing")
        #expect(document.string(at: "user.id") == "AROASLR:ElasticLoadBalancing")
        #expect(document.string(at: "aws.cloudtrail.user_identity.principal_id") == "AROASLR:ElasticLoadBalancing")
    }

    @Test func identityCenterUserAuthenticationMovesUserName() throws {
        let record =
            #"""
            {"eventVersion":"1.09","userIdentity":{"type":"IdentityCenterUser","accountId":"111122223333",\#
            "onBehalfOf":{"userId":"9067-user",\#
            "identityStoreArn":"arn:aws:identitystore::111122223333:identitystore/d-1"},"credentialId":"cred-1"},\#
            "eventTime":"2025-09-22T12:29:21Z","eventSource":"signin.amazonaws.com",\#
            "eventName":"UserAuthentication","additionalEventData":{"AuthWorkflowID":"wf",\#
            "UserName":"bob@example.com","CredentialType":"PASSWORD"},\#
            "serviceEventDetails":{"UserAuthentication":"Success"},"eventID":"e5"}
            """#
        let document = try mapRecord(record).document
        #expect(document.string(at: "user.name") == "bob@example.com")
        #expect(document.string(at: "user.id") == "9067-user")
        #expect(document.string(at: "aws.cloudtrail.user_identity.on_behalf_of.user_id") == "9067-user")
        #expect(document.string(at: "aws.cloudtrail.user_identity.credential_id") == "cred-1")
        let text = try #require(document.string(at: "aws.cloudtrail.additional_eventdata"))
        #expect(!text.contains("UserName"))
        #expect(document.values(at: "aws.cloudtrail.flattened.additional_eventdata.UserName").isEmpty)
        #expect(document.string(at: "aws.cloudtrail.flattened.additional_eventdata.CredentialType") == "PASSWORD")
        #expect(document.string(at: "aws.cloudtrail.service_event_details") == "{UserAuthentication=Success}")
        #expect(Set(document.keywordValues(at: "related.user")) == ["bob@example.com", "9067-user"])
    }

    @Test func sessionNameWithEmailAddsItsLocalPartToRelatedUser() throws {
        let record =
            #"""
            {"userIdentity":{"type":"AssumedRole","principalId":"AROAX:jane.doe@example.com",\#
            "arn":"arn:aws:sts::111122223333:assumed-role/SSORole/jane.doe@example.com",\#
            "sessionContext":{"sessionIssuer":{"userName":"SSORole"},\#
            "attributes":{"creationDate":"20131102T010628Z"}}},"eventTime":"2019-10-02T22:12:29Z",\#
            "eventSource":"sts.amazonaws.com","eventName":"GetCallerIdentity","eventID":"e6"}
            """#
        let document = try mapRecord(record).document
        #expect(
            Set(document.keywordValues(at: "related.user")) == [
                "jane.doe@example.com", "jane.doe", "AROAX:jane.doe@example.com", "SSORole",
            ])
        #expect(
            document.string(at: "aws.cloudtrail.user_identity.session_context.creation_date")
                == "2013-11-02T01:06:28.000Z")
        #expect(document.string(at: "user.email") == nil)
    }
}
