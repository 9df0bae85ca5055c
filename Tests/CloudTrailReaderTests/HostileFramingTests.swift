import Testing
import TrailTriageJSON

@testable import CloudTrailReader

/// Crafted layouts that must not hide a record from the rules.
@Suite struct HostileFramingTests {
    /// `record(id)` with `member` added as its first key.
    private func eventRecord(_ id: String, leading member: String) -> String {
        "{" + member + "," + record(id).dropFirst()
    }

    @Test(arguments: [#""Records":null"#, #""Records":[]"#, #""Records":[1,2]"#, #""Records":{}"#])
    func recordHoldingARecordsKeyIsStillARecord(member: String) {
        let crafted = eventRecord("crafted", leading: member)
        let single = CloudTrailReader.frame(Array(crafted.utf8), input: InputFile(path: "one.json"))
        #expect(recordTexts(single) == [crafted])
        #expect(single.issues.isEmpty)

        let lines = "\(record("1"))\n\(crafted)\n\(record("3"))\n"
        for name in ["events.ndjson", "events.json"] {
            let file = CloudTrailReader.frame(Array(lines.utf8), input: InputFile(path: name))
            #expect(recordTexts(file) == [record("1"), crafted, record("3")], "\(name)")
            #expect(file.issues.isEmpty, "\(name): \(file.issues)")
        }
    }

    @Test func eventKeyAfterARecordsArrayMakesTheObjectOneRecord() {
        let crafted =
            #"{"Records":[\#(record("inner"))],"#
            + record("outer").dropFirst()
        let file = CloudTrailReader.frame(Array(crafted.utf8), input: InputFile(path: "x.json"))
        #expect(recordTexts(file) == [crafted])
        #expect(file.issues.isEmpty)
    }

    @Test func escapedRecordsKeyIsAnEnvelopeAsTheParserReadsIt() {
        let text = #"{"Rec\u006Frds":[\#(record("1")),\#(record("2"))]}"#
        let file = CloudTrailReader.frame(Array(text.utf8), input: InputFile(path: "e.json"))
        #expect(recordTexts(file) == [record("1"), record("2")])
    }

    @Test(arguments: [
        ("first-line.ndjson", #"{"exportedBy":"siem"}"# + "\n" + record("1") + "\n" + record("2")),
        ("first-line.json", #"{"exportedBy":"siem"}"# + "\n" + record("1") + "\n" + record("2")),
        ("header.txt", "# exported 2026-01-02\n" + record("1") + "\n" + record("2")),
        ("array.json", #"[{"exportedBy":"siem"},\#(record("1")),\#(record("2"))]"#),
        ("envelope.json", #"{"Records":[{"note":1},\#(record("1")),\#(record("2"))]}"#),
        ("stream.json", "{\n\"exportedBy\": \"siem\"\n}\n" + record("1") + "\n" + record("2")),
    ])
    func oneForeignValueIsReportedAndTheEventsAreRead(name: String, content: String) {
        let file = CloudTrailReader.frame(Array(content.utf8), input: InputFile(path: name))
        #expect(!file.wasSkipped)
        #expect(recordTexts(file) == [record("1"), record("2")])
        #expect(file.issues.count == 1, "\(file.issues)")
        #expect(file.issues.first?.kind == .malformedRecord)
        #expect(file.issues.first?.location?.index == 0)
        #expect(file.issues.first?.file == name)
    }

    @Test func digestKeysInAnEventDoNotMakeADigestFile() {
        let first = eventRecord("1", leading: #""digestStartTime":"2026-01-01T00:00:00Z""#)
        for (name, text) in [
            ("d.json", "[\(first),\(record("2"))]"),
            ("d.ndjson", "\(first)\n\(record("2"))\n"),
            ("one.json", first),
        ] {
            let file = CloudTrailReader.frame(Array(text.utf8), input: InputFile(path: name))
            #expect(!file.wasSkipped, "\(name)")
            #expect(
                file.records.first.map { String(decoding: file.bytes[$0.range], as: UTF8.self) } == first, "\(name)")
            #expect(file.issues.isEmpty, "\(name): \(file.issues)")
        }
    }

    @Test func filesWithoutAnyEventAreStillSkippedWhole() {
        for text in [#"[{"a":1},{"b":2}]"#, "{\"a\":1}\n{\"b\":2}\n", "[1, 2]"] {
            let file = CloudTrailReader.frame(Array(text.utf8), input: InputFile(path: "x.json"))
            #expect(file.wasSkipped, "\(text)")
            #expect(file.issues.map(\.kind) == [.skippedFile], "\(text)")
            #expect(file.issues.first?.reason.contains("not CloudTrail") == true, "\(text)")
        }
        // A broken file is never "not CloudTrail": what could not be read may have been an event.
        let broken = CloudTrailReader.frame(
            Array(#"[{"a":1},{"eventVersion":"1.0","#.utf8), input: InputFile(path: "b.json"))
        #expect(!broken.wasSkipped)
        #expect(broken.issues.contains { $0.kind == .malformedRecord && $0.reason.contains("truncated") })
    }

    static func nested(_ depth: Int) -> String {
        String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    }

    static func deepRecord(_ depth: Int) -> String {
        #"{"eventVersion":"1.08","eventSource":"iam.amazonaws.com","x":\#(nested(depth)),"eventID":"deep"}"#
    }

    @Test(arguments: [600, 200_000])
    func overDeepRecordIsReportedAloneAndFramingGoesOn(depth: Int) {
        let deep = Self.deepRecord(depth)
        let one = record("1")
        let three = record("3")
        let layouts = [
            ("array.json", "[\(one),\(deep),\(three)]", 1),
            ("array-of-arrays.json", "[\(one),\(Self.nested(depth)),\(three)]", 1),
            ("envelope.json", #"{"Records":[\#(one),\#(deep),\#(three)]}"#, 1),
            ("stream.json", "{\n\"eventVersion\":\"1\",\"eventID\":\"0\"\n}\n\(deep)\n\(three)", 1),
            ("deep-first.json", "\(deep)\n\(three)", 0),
            ("lines.ndjson", "\(one)\n\(deep)\n\(three)\n", 1),
            ("line-of-records.ndjson", #"{"Records":[\#(one),\#(deep),\#(three)]}"#, 1),
        ]
        for (name, text, deepIndex) in layouts {
            let file = CloudTrailReader.frame(Array(text.utf8), input: InputFile(path: name))
            #expect(recordTexts(file).last == three, "\(name)")
            #expect(file.issues.count == 1, "\(name): \(file.issues)")
            #expect(file.issues.first?.kind == .malformedRecord, "\(name)")
            #expect(file.issues.first?.location?.index == deepIndex, "\(name)")
            #expect(
                file.issues.first?.reason.contains("deeper than \(JSONParser.maximumDepth) levels") == true, "\(name)")
            #expect(file.issues.first?.reason.contains("rest of the file") == false, "\(name)")
        }
    }

    @Test func deepestAcceptedRecordIsTheParsersDeepest() throws {
        // Framing and parsing agree on the limit, so the prefiltered scan reports what parsing would.
        let limit = JSONParser.maximumDepth
        for depth in [limit - 1, limit] {
            let text = "[" + #"{"eventVersion":"1","x":\#(Self.nested(depth - 1))}"# + "]"
            let file = CloudTrailReader.frame(Array(text.utf8), input: InputFile(path: "d.json"))
            let range = try #require(file.records.first?.range, "depth \(depth) is framed")
            let parses = file.bytes[range].withUnsafeBufferPointer { (try? JSONParser.parse($0)) != nil }
            #expect(parses, "depth \(depth) parses")
        }
        let over = "[" + #"{"eventVersion":"1","x":\#(Self.nested(limit))}"# + "]"
        let file = CloudTrailReader.frame(Array(over.utf8), input: InputFile(path: "d.json"))
        #expect(file.records.isEmpty)
        #expect(file.issues.first?.reason.contains("deeper than") == true)
    }

    @Test func twoHundredThousandLevelsNeitherCrashFramingNorParsing() {
        let depth = 200_000
        for text in [
            Self.nested(depth), String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth),
            String(repeating: "[", count: depth),
        ] {
            let file = CloudTrailReader.frame(Array(text.utf8), input: InputFile(path: "deep.json"))
            #expect(file.records.isEmpty)
            #expect(file.issues.count == 1)
            #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
        }
    }
}
