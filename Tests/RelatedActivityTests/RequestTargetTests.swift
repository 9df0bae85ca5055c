import Testing

@testable import RelatedActivity

/// The target column's value read from a `requestParameters` object's bytes: the best-ranked
/// member naming a resource, only when its value is a plain string.
@Suite struct RequestTargetTests {
    private func target(_ json: String) -> String? {
        let bytes = Array(json.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            switch RequestTarget.locate(in: buffer) {
            case .found(let range): String(decoding: buffer[range], as: UTF8.self)
            case .none: ""
            case .unreadable: nil
            }
        }
    }

    /// The byte matcher ranks exactly the listed keys, in the listed order, and nothing near them.
    @Test func everyKeyIsRankedByItsPlaceInTheList() {
        func rank(_ text: String) -> Int? {
            Array(text.utf8).withUnsafeBufferPointer { RequestTarget.rank(of: $0) }
        }
        for (index, key) in RequestTarget.keys.enumerated() {
            #expect(rank(key) == index, "\(key)")
            #expect(rank(key.uppercased()) == nil, "\(key)")
            #expect(rank(key + "s") == nil, "\(key)")
        }
        #expect(rank("") == nil)
    }

    @Test func theRoleWinsOverThePolicyItIsGiven() {
        #expect(target(#"{"policyName":"inline","roleName":"partner-admin","policyDocument":"{}"}"#) == "partner-admin")
        #expect(target(#"{"policyArn":"arn:aws:iam::aws:policy/AdministratorAccess","userName":"bob"}"#) == "bob")
        #expect(target(#"{"bucketName":"logs","Host":"logs.s3.amazonaws.com"}"#) == "logs")
    }

    @Test func onlyTopLevelPlainStringsCount() {
        // A nested userName (inside a policy or a tag) is not what the call acted on.
        #expect(target(#"{"tags":{"userName":"x"},"name":"trail-1"}"#) == "trail-1")
        #expect(target(#"{"instanceId":["i-1","i-2"]}"#) == "")
        #expect(target(#"{"maxResults":5}"#) == "")
        #expect(target("{}") == "")
    }

    @Test func placeholdersNameNoTarget() {
        #expect(target(#"{"userName":"","roleName":"r"}"#) == "r")
    }

    @Test func whatOnlyTheParserCanReadIsLeftToIt() {
        #expect(target(#"{"userName":"b\u006fb"}"#) == nil)
        #expect(target(#"{"user\u004eame":"bob"}"#) == nil)
        #expect(target(#"{"userName":"a","userName":"b"}"#) == nil)
        #expect(target(#"{"userName":"a""#) == nil)
    }

    @Test func theTargetIsKeptInTheIndex() {
        var builder = EventIndexBuilder()
        builder.add(
            EventSummary(
                time: 1, eventID: "e1", provider: "iam.amazonaws.com", action: "CreateUser", actorARN: "arn:alice",
                target: "svc-backup"))
        let related = builder.build().related(
            to: EventSummary(time: 2, eventID: "e2", provider: "iam.amazonaws.com", action: "X", actorARN: "arn:alice"))
        #expect(related.map(\.event.target) == ["svc-backup"])
    }
}
