import ECSMapping
import Foundation
import RelatedActivity
import Testing
import TrailTriageJSON
import TriageTestSupport

@testable import CaseNotes
@testable import TriageModel
@testable import TriageStore

/// Log numbers at and past the edges of every type (the console used to trap on a CreateProfile
/// whose `durationSeconds` was `Int.min`), through each numeric field the exports format.
@Suite struct NumericExtremesTests {
    /// JSON tokens for `durationSeconds`, with the text the key-parameter row must show: the
    /// number as logged, and its human form only when it is a whole number of seconds.
    static let durations: [(token: String, row: String)] = [
        ("-9223372036854775808", "-9223372036854775808 (-2562047788015215h 30m 8s)"),
        ("9223372036854775807", "9223372036854775807 (2562047788015215h 30m 7s)"),
        ("-9223372036854775809", "-9223372036854775809"),
        ("18446744073709551616", "18446744073709551616"),
        ("-1", "-1 (-1s)"),
        ("-0", "-0 (0s)"),
        ("0", "0 (0s)"),
        ("-5400", "-5400 (-1h 30m)"),
        ("1e999", "1e999"),
        ("-1e999", "-1e999"),
        ("1.7976931348623157e308", "1.7976931348623157e308"),
        ("-1.7976931348623157e308", "-1.7976931348623157e308"),
        ("4.9e-324", "4.9e-324"),
        ("43200.0", "43200.0"),
        (#""NaN""#, "NaN"),
        (#""Infinity""#, "Infinity"),
        (#""43200""#, "43200 (12h)"),
        (#""+43200""#, "+43200 (12h)"),
        (#"" 43200""#, " 43200"),
        (#""0x10""#, "0x10"),
        (#""-9223372036854775808""#, "-9223372036854775808 (-2562047788015215h 30m 8s)"),
        (#""\u0661\u0662""#, "\u{661}\u{662}"),
    ]

    /// Epoch milliseconds a tampered or corrupt state database can hold for any stored time.
    static let times: [Int64] = [.min, .min + 1, -1, 0, 1, .max - 1, .max]

    static func profileEvent(duration token: String) -> String {
        TestEvents.createProfile
            .replacingOccurrences(
                of: #""durationSeconds":43200,"enabled""#, with: #""durationSeconds":\#(token),"enabled""#
            )
            .replacingOccurrences(of: #""durationSeconds":43200}"#, with: #""durationSeconds":\#(token)}"#)
    }

    /// A CreateProfile alert at `time` with related activity, trust anchors, first-seen and
    /// audit times at every extreme, as it reads back from the state database.
    static func item(duration token: String, time: Int64) throws -> CaseNotesExporter.Item {
        let document = try TestEvents.document(profileEvent(duration: token))
        var record = TestEvents.record(document)
        record.originalTime = time
        let events = times.enumerated().map { offset, eventTime in
            EventSummary(time: eventTime, eventID: "e\(offset)", provider: "iam.amazonaws.com", action: "CreateRole")
        }
        // More than the stored limit, so saving sorts them by distance from the alert.
        record.relatedActivity = (0...AlertRecord.caseFileRelatedLimit).map { index in
            RelatedEvent(
                event: events[index % events.count], relation: .sameARN, isFollowUp: false, isAlertEvent: false)
        }
        let anchorDetails = TrustAnchorDetails(arn: "arn:anchor", name: "ca", sourceType: "CERTIFICATE_BUNDLE")
        record.trustAnchors = times.map { anchorTime in
            var event = EventSummary(
                time: anchorTime, eventID: "", provider: "rolesanywhere.amazonaws.com",
                action: "CreateTrustAnchor")
            event.trustAnchor = anchorDetails
            return RelatedTrustAnchor(event: event, relation: .sameAccount)
        }
        record.firstSeen = events.first
        let stored = try #require(AlertRecord(uuid: record.uuid, storageJSON: record.storageJSON))
        let audit = times.map { AuditEntry(alertID: stored.uuid, analyst: "ana", time: $0, action: "note", detail: "") }
        return CaseNotesExporter.Item(record: stored, state: .untouched, audit: audit)
    }

    @Test(arguments: durations)
    func markdownFormatsEveryDuration(_ duration: (token: String, row: String)) throws {
        for time in Self.times {
            let item = try Self.item(duration: duration.token, time: time)
            let markdown = CaseNotesExporter(format: .markdown).export([item])
            #expect(
                markdown.contains("- **durationSeconds:** \(MarkdownText.code(duration.row))\n"),
                "duration \(duration.token)")
            #expect(markdown.contains(" at \(ECSTimestamp.format(milliseconds: time))\n"))
            #expect(markdown.contains("- \(ECSTimestamp.format(milliseconds: .min)) ana: note"))
            #expect(markdown.contains("- \(ECSTimestamp.format(milliseconds: .max)) ana: note"))
            #expect(markdown.contains("(same account, \(ECSTimestamp.format(milliseconds: .min)))"))
        }
    }

    @Test(arguments: durations)
    func jsonCarriesEveryDurationAsLogged(_ duration: (token: String, row: String)) throws {
        for time in Self.times {
            let item = try Self.item(duration: duration.token, time: time)
            let output = CaseNotesExporter(format: .json).export([item])
            let alert = try #require(try JSONParser.parse(output).arrayValue?.first)
            let key = KeyParameters.requestPrefix + "durationSeconds"
            let logged = try #require(item.record.flatJSON[key], "duration \(duration.token)")
            #expect(alert[key] == logged, "duration \(duration.token)")
            let times = (alert["triage.audit"]?.arrayValue ?? []).compactMap { $0["time"]?.stringValue }
            #expect(times == Self.times.map { ECSTimestamp.format(milliseconds: $0) })
        }
    }

    @Test func timestampsOfEveryMagnitudeReadAsDates() {
        #expect(ECSTimestamp.format(milliseconds: 0) == "1970-01-01T00:00:00.000Z")
        #expect(ECSTimestamp.format(milliseconds: -1) == "1969-12-31T23:59:59.999Z")
        #expect(ECSTimestamp.format(milliseconds: .max) == "292278994-08-17T07:12:55.807Z")
        #expect(ECSTimestamp.format(milliseconds: .min) == "-292275055-05-16T16:47:04.192Z")
    }

    @Test func timeArithmeticSaturates() {
        #expect(Int64.min.saturatingSubtracting(1) == .min)
        #expect(Int64.max.saturatingAdding(1) == .max)
        #expect(Int64.min.saturatingAdding(-1) == .min)
        #expect(Int64.max.saturatingSubtracting(-1) == .max)
        #expect(Int64(5).saturatingSubtracting(7) == -2)
        #expect(Int64.min.distance(magnitudeTo: .max) == UInt64.max)
        #expect(Int64.max.distance(magnitudeTo: .min) == UInt64.max)
        #expect(Int64(-3).distance(magnitudeTo: 4) == 7)
    }

    @Test func relatedActivityAroundAnExtremeTimeIsFound() throws {
        var builder = EventIndexBuilder()
        builder.add(document: try TestEvents.document(TestEvents.createProfile))
        let index = builder.build()
        let anchor = EventSummary(document: try TestEvents.document(TestEvents.createProfile))
        // The window's edges clamp: 2026 is within Int64.max of Int64.max, but not of Int64.min.
        for (time, found) in [(Int64.min, 0), (.max, 1)] {
            var moved = anchor
            moved.time = time
            #expect(index.related(to: moved, windowMilliseconds: .max).count == found)
            #expect(index.related(to: moved).isEmpty)
        }
    }
}
