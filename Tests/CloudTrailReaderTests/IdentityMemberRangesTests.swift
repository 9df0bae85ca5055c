import Testing

@testable import CloudTrailReader

/// Framing notes the members of `userIdentity` on its one walk through the record, so the scan
/// and the event summaries read them without walking the object again. What it notes must be
/// exactly what a walk of its own would find, escapes and repeats included.
@Suite struct IdentityMemberRangesTests {
    private static let identity =
        #"{"type":"AssumedRole","principalId":"AROA:s","arn":"arn:aws:sts::1:assumed-role/r/s","#
        + #""accountId":"1","accessKeyId":"ASIA1","sessionContext":{"sessionIssuer":{"arn":"arn:aws:iam::1:role/r"},"#
        + #""attributes":{"mfaAuthenticated":"false"}},"invokedBy":"ec2.amazonaws.com"}"#

    private func record(_ identity: String) -> String {
        #"{"eventTime":"2026-10-01T00:00:00Z","eventSource":"iam.amazonaws.com","eventName":"CreateUser","#
            + #""eventID":"e1","userIdentity":"# + identity + "}"
    }

    /// Frames `text` and returns each record's text and noted members.
    private func framed(_ text: String, path: String = "x.json") -> [(bytes: [UInt8], fields: RecordKeyFields)] {
        let file = CloudTrailReader.frame(Array(text.utf8), input: InputFile(path: path))
        return file.records.map { (file.bytes, $0.keyFields) }
    }

    private func value(_ key: IdentityMemberRanges.Key, in bytes: [UInt8], _ fields: RecordKeyFields) -> String? {
        guard let range = fields.identityMembers?[key] else { return nil }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    @Test func everyMemberIsNotedWithItsWholeValueInFileCoordinates() throws {
        // Two records in one array, so the second's ranges are far from the buffer's start.
        let text = #"{"Records":["# + record(Self.identity) + "," + record(Self.identity) + "]}"
        let records = framed(text)
        #expect(records.count == 2)
        for (bytes, fields) in records {
            #expect(value(.type, in: bytes, fields) == #""AssumedRole""#)
            #expect(value(.arn, in: bytes, fields) == #""arn:aws:sts::1:assumed-role/r/s""#)
            #expect(value(.principalId, in: bytes, fields) == #""AROA:s""#)
            #expect(value(.accessKeyId, in: bytes, fields) == #""ASIA1""#)
            #expect(value(.invokedBy, in: bytes, fields) == #""ec2.amazonaws.com""#)
            // A nested object is one member: its own `arn` is not the identity's.
            #expect(value(.sessionContext, in: bytes, fields)?.hasPrefix(#"{"sessionIssuer""#) == true)
            #expect(value(.userName, in: bytes, fields) == nil)
            let members = try #require(fields.identityMembers)
            #expect(!members.hasEscapedKey)
            #expect(!IdentityMemberRanges.Key.allCases.contains(where: members.isRepeated))
        }
    }

    @Test func lineDelimitedRecordsAreNotedToo() {
        let text = record(Self.identity) + "\n" + record(#"{"type":"Root","arn":"arn:aws:iam::1:root"}"#) + "\n"
        let records = framed(text, path: "x.ndjson")
        #expect(records.count == 2)
        #expect(value(.arn, in: records[1].bytes, records[1].fields) == #""arn:aws:iam::1:root""#)
        #expect(value(.type, in: records[1].bytes, records[1].fields) == #""Root""#)
    }

    @Test func aRepeatedKeyIsFlaggedAndTheFirstValueKept() throws {
        let records = framed(record(#"{"arn":"first","type":"IAMUser","arn":"second"}"#))
        let members = try #require(records.first?.fields.identityMembers)
        #expect(members.isRepeated(.arn))
        #expect(!members.isRepeated(.type))
        #expect(value(.arn, in: records[0].bytes, records[0].fields) == #""first""#)
    }

    @Test func anEscapedKeyIsFlaggedBecauseItMightSpellAnyMember() throws {
        // "\u0061rn" is `arn` to a parser; framing does not decode it, so it must say so.
        let records = framed(record(#"{"arn":"shown","\u0061rn":"hidden"}"#))
        let members = try #require(records.first?.fields.identityMembers)
        #expect(members.hasEscapedKey)
    }

    @Test func anIdentityThatIsNotAnObjectNotesNothing() {
        for identity in ["null", #""text""#, "[1]"] {
            let records = framed(record(identity))
            #expect(records.first?.fields.identityMembers == nil, "\(identity)")
        }
    }

    @Test func aNestedObjectTooDeepIsStillRefusedAsBefore() {
        // The walk into userIdentity must keep the parser's depth limit.
        let deep = String(repeating: #"{"a":"#, count: 600) + "1" + String(repeating: "}", count: 600)
        let records = framed(record(#"{"type":"IAMUser","sessionContext":"# + deep + "}"))
        #expect(records.allSatisfy { $0.fields.identityMembers == nil })
    }
}
