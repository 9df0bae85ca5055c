import Testing

@testable import CloudTrailReader

/// The framer recognises the top-level keys it locates by their exact spelling only.
@Suite struct RecordKeyTests {
    private func matching(_ text: String) -> RecordKey? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { RecordKey.matching($0) }
    }

    @Test(arguments: RecordKey.allCases)
    func everyKeyIsRecognisedBySpelling(key: RecordKey) {
        #expect(matching(String(describing: key)) == key)
    }

    @Test func nearMissesAndOtherKeysAreNotKeys() {
        for text in [
            "", "eventid", "EventName", "eventNam", "eventNamex", "eventTimE", "awsregion", "errorcode",
            "userIdentitY", "errorMessagE", "sourceIpAddress", "recipientAccountID", "requestParameters",
            "eventSourcE", "eventVersion",
        ] {
            #expect(matching(text) == nil, "\(text)")
        }
    }
}
