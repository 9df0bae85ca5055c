import Alerts
import ConsoleTestSupport
import DetectionRules
import Foundation
import RelatedActivity
import TerminalGrid
import Testing
import TriageModel

@testable import ConsoleUI

/// The console used to trap (leaving the terminal in raw mode) drawing a CreateProfile whose
/// `durationSeconds` was `Int.min`. Every numeric field the detail pane and the related view
/// format gets values at and past the edges of its type.
@Suite struct NumericExtremesRenderTests {
    static let durations: [(token: String, row: String)] = [
        ("-9223372036854775808", "-9223372036854775808 (-2562047788015215h 30m 8s)"),
        ("9223372036854775807", "9223372036854775807 (2562047788015215h 30m 7s)"),
        ("-9223372036854775809", "-9223372036854775809"),
        ("-1", "-1 (-1s)"),
        ("-0", "-0 (0s)"),
        ("1e999", "1e999"),
        ("-1.7976931348623157e308", "-1.7976931348623157e308"),
        (#""NaN""#, "NaN"),
        (#""43200""#, "43200 (12h)"),
        (#""-9223372036854775808""#, "-9223372036854775808 (-2562047788015215h 30m 8s)"),
    ]

    static let times: [Int64] = [.min, .min + 1, -1, 0, .max - 1, .max]

    static func record(duration token: String, time: Int64) -> AlertRecord {
        let json = TestAlerts.createProfile.replacingOccurrences(
            of: #""durationSeconds":43200,"enabled""#, with: #""durationSeconds":\#(token),"enabled""#)
        let base = TestAlerts.record(
            json, uuid: "extreme", ruleName: TestAlerts.profileRule, severity: "low",
            guide: TestAlerts.profileGuide)
        let events = times.map {
            EventSummary(time: $0, eventID: "", provider: "iam.amazonaws.com", action: "CreateRole")
        }
        let anchors = times.map { anchorTime in
            var event = EventSummary(
                time: anchorTime, eventID: "", provider: "rolesanywhere.amazonaws.com",
                action: "CreateTrustAnchor")
            event.trustAnchor = TrustAnchorDetails(arn: "arn:anchor", name: "ca", sourceType: "CERTIFICATE_BUNDLE")
            return RelatedTrustAnchor(event: event, relation: .sameActor)
        }
        return AlertRecord(
            uuid: base.uuid, rule: AlertRule(ruleID: "r", name: "r", type: .query, severity: .low, riskScore: .min),
            mitre: base.mitre, originalTime: time, flatJSON: base.flatJSON, guide: base.guide,
            relatedActivity: events.map {
                RelatedEvent(event: $0, relation: .sameARN, isFollowUp: true, isAlertEvent: false)
            },
            trustAnchors: anchors, firstSeen: events.last
        )
    }

    @Test(arguments: durations)
    func detailPaneAndRelatedViewDrawEveryValue(_ duration: (token: String, row: String)) {
        let size = TerminalSize(rows: 60, columns: 160)
        for time in Self.times {
            let record = Self.record(duration: duration.token, time: time)
            var state = ConsoleState(alerts: [record], states: [:], analyst: "a", now: time, size: size)
            let detail = state.screen.joined(separator: "\n")
            #expect(detail.contains("durationSeconds  \(duration.row)"), "duration \(duration.token) at \(time)")
            #expect(detail.contains("time             \(TimeText.dateTime(time)) UTC"))
            #expect(detail.contains("ca · CERTIFICATE_BUNDLE · same actor · -292275055-05-16 16:47:04"))
            #expect(detail.contains(String(Int.min)))

            state.press(.key("A"))
            for _ in ConsoleState.relatedWindows {
                let related = state.screen.joined(separator: "\n")
                #expect(related.contains("Window: ±"))
                #expect(related.contains("First seen doing CreateProfile: 292278994-08-17 07:12:55 UTC"))
                state.press(.key("w"))
            }
        }
    }

    @Test func timesOutsideFourDigitYearsKeepDateAndClock() {
        #expect(TimeText.dateTime(0) == "1970-01-01 00:00:00")
        #expect(TimeText.dateTime(.max) == "292278994-08-17 07:12:55")
        #expect(TimeText.dateTime(.min) == "-292275055-05-16 16:47:04")
        #expect(TimeText.iso(.min) == "-292275055-05-16T16:47:04Z")
    }

    @Test func offsetsBetweenAnyTwoTimesAreExact() {
        #expect(TimeText.offset(0, from: 0) == "±0")
        #expect(TimeText.offset(300_000, from: 0) == "+5m")
        #expect(TimeText.offset(0, from: 7_800_000) == "-2h 10m")
        #expect(TimeText.offset(.max, from: .min) == "+5124095576030h 25m")
        #expect(TimeText.offset(.min, from: .max) == "-5124095576030h 25m")
    }
}
