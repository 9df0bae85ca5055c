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
            "userIdentitY", "errorMessagE", "sourceIpAddress", "recipientAccountID", "requestparameters",
            "responseElements",
            "eventSourcE", "eventVersion",
        ] {
            #expect(matching(text) == nil, "\(text)")
        }
    }

    /// `requestParameters` is located when it is an object (the console's event summaries read
    /// their target from it); `null` or another type leaves it unset, and a repeated key makes
    /// the record's fields unknown, as for every key framing locates.
    @Test func requestParametersIsLocatedOnlyAsAnObject() throws {
        func framed(_ parameters: String) -> (text: String, fields: RecordKeyFields) {
            let text =
                #"{"eventTime":"2026-10-01T00:00:00Z","eventSource":"iam.amazonaws.com","eventName":"CreateUser","#
                + #""eventID":"e1","requestParameters":"# + parameters + "}"
            let file = CloudTrailReader.frame(Array(text.utf8), input: InputFile(path: "x.json"))
            return (text, file.records.first?.keyFields ?? .unknown)
        }
        let object = framed(#"{"userName":"bob"}"#)
        let range = try #require(object.fields.requestParameters)
        #expect(String(decoding: Array(object.text.utf8)[range], as: UTF8.self) == #"{"userName":"bob"}"#)
        #expect(framed("null").fields.requestParameters == nil)
        #expect(framed("null").fields.isKnown)
        #expect(framed(#""text""#).fields.requestParameters == nil)
        let repeated = framed(#"{"userName":"bob"},"requestParameters":{"userName":"eve"}"#)
        #expect(!repeated.fields.isKnown)
    }
}
