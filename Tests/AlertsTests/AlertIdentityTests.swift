import Testing

@testable import Alerts

@Suite struct AlertIdentityTests {
    @Test func sha256MatchesPublishedTestVectors() {
        #expect(SHA256.hexDigest("abc".utf8) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hexDigest("".utf8) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(SHA256.hexDigest(long.utf8) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func idsDependOnRuleEventAndTerms() {
        let base = AlertIdentity.uuid(ruleID: "r", eventKey: "e")
        #expect(base == AlertIdentity.uuid(ruleID: "r", eventKey: "e"))
        #expect(base != AlertIdentity.uuid(ruleID: "r2", eventKey: "e"))
        #expect(base != AlertIdentity.uuid(ruleID: "r", eventKey: "e", newTerms: ["x"]))
        #expect(
            AlertIdentity.uuid(ruleID: "r", eventKey: "e", newTerms: ["a", "bc"])
                != AlertIdentity.uuid(ruleID: "r", eventKey: "e", newTerms: ["ab", "c"]))
        #expect(base.count == 64)
    }

    @Test func eventsWithoutAnIdAreKeyedByContent() {
        #expect(AlertIdentity.eventKey(eventID: "abc", recordBytes: Array("x".utf8)) == "abc")
        let one = AlertIdentity.eventKey(eventID: nil, recordBytes: Array("{1}".utf8))
        #expect(one.hasPrefix("sha256:"))
        #expect(one != AlertIdentity.eventKey(eventID: "", recordBytes: Array("{2}".utf8)))
    }
}
