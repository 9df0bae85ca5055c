import Foundation
import TestSupport
import Testing

@testable import CloudTrailReader

@Suite struct CloudTrailReaderTests {
    @Test func readsGzippedRecordsEnvelope() throws {
        let directory = try ScratchDirectory()
        let path = try directory.write(
            "a.json.gz", try SystemGzip.compress(#"{"Records":[\#(record("1")),\#(record("2"))]}"#))
        let file = CloudTrailReader.read(InputFile(path: path))
        #expect(file.format == .recordsEnvelope)
        #expect(recordTexts(file) == [record("1"), record("2")])
        #expect(file.records.map(\.location.index) == [0, 1])
        #expect(file.issues.isEmpty)
    }

    @Test func readsConcatenatedGzipMembers() throws {
        let directory = try ScratchDirectory()
        let bytes =
            try SystemGzip.compress(#"{"Records":[\#(record("1")),"#) + (try SystemGzip.compress(#"\#(record("2"))]}"#))
        let path = try directory.write("multi.json.gz", bytes)
        let file = CloudTrailReader.read(InputFile(path: path))
        #expect(recordTexts(file) == [record("1"), record("2")])
        #expect(file.issues.isEmpty)
    }

    @Test func truncatedGzipKeepsCompleteRecordsAndSaysWhy() throws {
        let directory = try ScratchDirectory()
        let many = (0..<400).map { record("id-\($0)-" + String(repeating: "x", count: $0 % 50)) }
        let full = try SystemGzip.compress(#"{"Records":[\#(many.joined(separator: ","))]}"#)
        let path = try directory.write("cut.json.gz", Array(full.prefix(full.count / 2)))
        let file = CloudTrailReader.read(InputFile(path: path))
        #expect(file.records.count > 10)
        #expect(file.records.count < 400)
        #expect(recordTexts(file) == Array(many.prefix(file.records.count)))
        let unreadable = try #require(file.issues.first { $0.kind == .unreadableFile })
        #expect(unreadable.reason.contains("truncated"))
        #expect(unreadable.reason.contains("\(file.records.count) complete records before it were kept"))
    }

    @Test func corruptGzipIsReportedNotCrashed() throws {
        let directory = try ScratchDirectory()
        var bytes = try SystemGzip.compress(#"{"Records":[\#(record("1"))]}"#)
        for index in 12..<bytes.count - 8 { bytes[index] ^= 0x5A }
        let path = try directory.write("bad.json.gz", bytes)
        let file = CloudTrailReader.read(InputFile(path: path))
        #expect(file.issues.contains { $0.kind == .unreadableFile && $0.reason.contains("gzip") })
    }

    @Test func bareArrayReportsNonObjectElementsAndKeepsTheRest() throws {
        let file = CloudTrailReader.frame(
            Array(#"[\#(record("1")), 42, \#(record("3"))]"#.utf8), input: InputFile(path: "x.json"))
        #expect(file.format == .array)
        #expect(recordTexts(file) == [record("1"), record("3")])
        #expect(file.records.map(\.location.index) == [0, 2])
        #expect(file.issues.count == 1)
        #expect(file.issues.first?.location?.index == 1)
        #expect(file.issues.first?.reason.contains("not a JSON object") == true)
    }

    @Test func truncatedPlainEnvelopeKeepsEarlierRecords() throws {
        let text = #"{"Records":[\#(record("1")),\#(record("2")),{"eventVersion":"1.08","eventTi"#
        let file = CloudTrailReader.frame(Array(text.utf8), input: InputFile(path: "t.json"))
        #expect(recordTexts(file) == [record("1"), record("2")])
        #expect(file.issues.count == 1)
        #expect(file.issues.first?.location?.index == 2)
        #expect(file.issues.first?.reason.contains("truncated") == true)
    }

    @Test func ndjsonReportsBadLinesByNumberAndGoesOn() throws {
        let text =
            "\(record("1"))\n\n{\"eventName\": oops}\n\(record("3"))\r\n{\"eventTime\":\"2026\"\n\(record("5"))\n"
        let file = CloudTrailReader.frame(Array(text.utf8), input: InputFile(path: "events.ndjson"))
        #expect(file.format == .lineDelimited)
        #expect(recordTexts(file) == [record("1"), record("3"), record("5")])
        #expect(file.records.map(\.location.line) == [1, 4, 6])
        #expect(file.issues.map(\.location?.line) == [3, 5])
        #expect(file.issues.allSatisfy { $0.kind == .malformedRecord })
    }

    @Test func ndjsonIsRecognisedByContentToo() throws {
        let file = CloudTrailReader.frame(
            Array("\(record("1"))\n\(record("2"))".utf8), input: InputFile(path: "export.json"))
        #expect(file.format == .lineDelimited)
        #expect(file.records.count == 2)
    }

    @Test func linesHoldingWholeLogFilesAreSplit() throws {
        let text = "{\"Records\":[\(record("1")),\(record("2"))]}\n{\"Records\":[\(record("3"))]}\n"
        let file = CloudTrailReader.frame(Array(text.utf8), input: InputFile(path: "siem.jsonl"))
        #expect(recordTexts(file) == [record("1"), record("2"), record("3")])
        #expect(file.records.map(\.location.line) == [1, 1, 2])
    }

    @Test func prettyPrintedValueStreamIsFramed() throws {
        let text =
            """
            {\n  \"eventSource\": \"s3.amazonaws.com\",\n  \"eventName\": \"A\"\n}\n{\n  \"eventSource\": \
            \"s3.amazonaws.com\",\n  \"eventName\": \"B\"\n}\n
            """
        let file = CloudTrailReader.frame(Array(text.utf8), input: InputFile(path: "jq.json"))
        #expect(file.format == .valueStream)
        #expect(file.records.count == 2)
    }

    @Test func singleRecordWithByteOrderMark() throws {
        let file = CloudTrailReader.frame(
            [0xEF, 0xBB, 0xBF] + Array(record("1").utf8), input: InputFile(path: "one.json"))
        #expect(file.format == .singleRecord)
        #expect(recordTexts(file) == [record("1")])
    }

    @Test(arguments: [
        ("", "the file is empty"),
        ("   \n", "the file is empty"),
        ("hello world", "not JSON"),
        (#"{"digestStartTime":"2026-01-01T00:00:00Z","digestEndTime":"x"}"#, "digest"),
        (#"{"name":"grafana","panels":[]}"#, "not CloudTrail"),
    ])
    func skipsFilesThatHoldNoEventsWithAReason(content: String, reason: String) {
        let file = CloudTrailReader.frame(Array(content.utf8), input: InputFile(path: "f.json"))
        #expect(file.wasSkipped)
        #expect(file.records.isEmpty)
        #expect(file.issues.count == 1)
        #expect(file.issues.first?.kind == .skippedFile)
        #expect(file.issues.first?.reason.contains(reason) == true)
    }

    @Test func missingFileIsUnreadable() {
        let file = CloudTrailReader.read(InputFile(path: "/nonexistent/trail.json"))
        #expect(file.issues.first?.kind == .unreadableFile)
        #expect(file.issues.first?.reason.contains("cannot open") == true)
    }
}

@Suite struct InvalidInputEncodingTests {
    @Test func invalidUTF8IsReportedButTheRecordStaysInTheScan() throws {
        let bad: [UInt8] =
            Array(#"[{"eventSource":"iam","userAgent":"x"#.utf8) + [0xFF, 0xFE] + Array(#""},"#.utf8)
            + Array(record("2").utf8) + Array("]".utf8)
        let file = CloudTrailReader.frame(bad, input: InputFile(path: "u.json"))
        #expect(file.records.count == 2)
        #expect(file.issues.count == 1)
        #expect(file.issues.first?.location?.index == 0)
        #expect(file.issues.first?.reason.contains("invalid UTF-8 at byte 36") == true)
    }
}

@Suite struct RecordKeyFieldTests {
    private func fields(_ text: String) -> (RecordKeyFields, [UInt8]) {
        let bytes = Array("[\(text)]".utf8)
        let file = CloudTrailReader.frame(bytes, input: InputFile(path: "k.json"))
        return (file.records.first?.keyFields ?? .unknown, bytes)
    }

    private func text(_ range: Range<Int>?, _ bytes: [UInt8]) -> String? {
        range.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test func framingLocatesPlainProviderAndAction() {
        let (found, bytes) = fields(
            #"""
            {"eventVersion":"1.09","eventSource":"iam.amazonaws.com","x":{"eventName":"Nested"},\#
            "eventName":"CreateUser"}
            """#
        )
        #expect(found.isKnown)
        #expect(text(found.eventSource, bytes) == "iam.amazonaws.com")
        #expect(text(found.eventName, bytes) == "CreateUser")
    }

    @Test(arguments: [
        #"{"eventSource":"iam.amazonaws.com","eventName":"Create\u0055ser"}"#,  // escaped value
        #"{"eventSource":"iam.amazonaws.com","event\u004Eame":"CreateUser"}"#,  // escaped key
        #"{"eventSource":"iam.amazonaws.com","eventName":["CreateUser"]}"#,  // not a string
        #"{"eventSource":"iam.amazonaws.com","eventName":"A","eventName":"B"}"#,  // repeated key
    ])
    func anythingUnusualMakesTheFieldsUnknownSoTheParserDecides(record: String) {
        #expect(!fields(record).0.isKnown)
    }
}
