import Testing
import TriageTestSupport

@testable import TriageModel

@Suite struct ActorSummaryTests {
    @Test func readsActorAndSource() throws {
        let document = try TestEvents.document(
            TestEvents.createUser(role: "ec2-app-role", session: "i-0a1b2c3d4e5f60718"))
        let actor = ActorSummary(document: document)
        #expect(actor.arn == "arn:aws:sts::111122223333:assumed-role/ec2-app-role/i-0a1b2c3d4e5f60718")
        #expect(actor.identityType == "AssumedRole")
        #expect(actor.accessKeyID == "ASIAEXAMPLEINST00001")
        #expect(actor.sessionIssuerARN == "arn:aws:iam::111122223333:role/ec2-app-role")
        #expect(actor.mfaAuthenticated == "false")
        #expect(actor.userID == "AROAEXAMPLEROLE00001:i-0a1b2c3d4e5f60718")
        #expect(actor.sessionName == "i-0a1b2c3d4e5f60718")
        let source = SourceSummary(document: document)
        #expect(source.ipOrAddress == "203.0.113.10")
        #expect(source.userAgent == "aws-cli/2.15.30")
    }

    @Test func serviceCallerHasAddressOnly() throws {
        let source = SourceSummary(document: try TestEvents.document(TestEvents.describe))
        #expect(source.ip == nil)
        #expect(source.ipOrAddress == "ec2.amazonaws.com")
    }

    @Test func instanceSessionPasses() throws {
        let actor = ActorSummary(
            document: try TestEvents.document(
                TestEvents.createUser(role: "ec2-app-role", session: "i-0a1b2c3d4e5f60718")))
        let check = try #require(actor.instanceSessionCheck)
        #expect(check.isInstanceID)
        #expect(check.explanation == nil)
    }

    @Test func roleNameMatchIsFlagged() throws {
        let actor = ActorSummary(
            document: try TestEvents.document(TestEvents.createUser(role: "api-deployer", session: "build-42")))
        let check = try #require(actor.instanceSessionCheck)
        #expect(!check.isInstanceID)
        #expect(check.sessionName == "build-42")
        let explanation = try #require(check.explanation)
        #expect(explanation.contains("build-42"))
        #expect(explanation.contains("api-deployer"))
    }

    @Test func sessionNameFromUserIDWhenArnIsNotAnAssumedRole() {
        let actor = ActorSummary(arn: "arn:aws:iam::1:user/multi-user", userID: "AROAX:i-786a3A8B5C0d92eF4")
        #expect(actor.sessionName == "i-786a3A8B5C0d92eF4")
        #expect(actor.instanceSessionCheck?.isInstanceID == true)
    }

    @Test(arguments: [
        ("i-0abc1234def567890", true), ("i-786a3A8B5C0d92eF4", true), ("i-1a2b3c4d", true),
        ("build-42", false), ("i-am-bob", false), ("I-0abc1234def567890", false), ("i-0abc1234def56789z", false),
        ("i-", false),
    ])
    func instanceIDShape(name: String, expected: Bool) {
        #expect(InstanceSessionCheck.isInstanceID(name) == expected)
    }

    @Test func noCheckWithoutIDashInArn() {
        #expect(ActorSummary(arn: "arn:aws:iam::1:user/alice").instanceSessionCheck == nil)
    }
}
