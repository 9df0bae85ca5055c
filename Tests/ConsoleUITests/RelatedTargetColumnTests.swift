import ConsoleTestSupport
import Foundation
import RelatedActivity
import TerminalGrid
import Testing
import TriageModel

@testable import ConsoleUI

/// The related view's target column: what each event acted on, sized from the listed events and
/// escaped like every other value from a log.
@Suite struct RelatedTargetColumnTests {
    private func row(_ lines: [StyledLine], _ action: String) -> String? {
        // Event rows, not the "First seen doing …" line above them.
        lines.map(\.text).first { $0.contains(action) && !$0.hasPrefix("First seen") }
    }

    @Test func eachEventShowsTheResourceItNamed() {
        var state = TestAlerts.console()
        state.press(.key("A"))
        let lines = state.overlayLines(width: 118)
        #expect(lines.contains { $0.text.contains("TARGET") && $0.text.contains("SOURCE") })
        #expect(row(lines, "CreateRole")?.contains("partner-admin") == true)
        #expect(row(lines, "CreateProfile")?.contains("partner-sync") == true)
        #expect(row(lines, "CreateTrustAnchor")?.contains("partner-ca") == true)
        // DescribeInstances names nothing: the column is blank there, the source still shown.
        let describe = row(lines, "DescribeInstances") ?? ""
        #expect(!describe.contains("partner"))
        #expect(describe.contains("ec2.amazonaws.com"))
    }

    @Test func theColumnIsAsWideAsItsWidestTargetWhenThereIsRoom() {
        let events = TestAlerts.profile.relatedActivity
        let alertTime = TestAlerts.profile.originalTime
        let columns = RelatedColumns(width: 160, events: events, alertTime: alertTime)
        #expect(columns.target == max(6, events.map { $0.event.target.count }.max() ?? 0))
        #expect(columns.action == events.map { $0.event.action.count }.max())
        // Offset and outcome are as wide as what they hold, so they leave no blank cells.
        let offsets = events.map { TimeText.offset($0.event.time, from: alertTime).count }
        #expect(columns.offset == max(6, offsets.max() ?? 0))
        #expect(columns.outcome == 7)
        // Narrow: the columns share the room and the row fits it exactly.
        let long = events.map { related -> RelatedEvent in
            var related = related
            related.event.target = "arn:aws:iam::111122223333:policy/" + String(repeating: "p", count: 60)
            return related
        }
        let narrow = RelatedColumns(width: 140, events: long, alertTime: alertTime)
        #expect(narrow.header.count == 140)
        let line = RelatedContent.eventLine(long[0], record: TestAlerts.profile, columns: narrow)
        #expect(line.text.count <= 140)
        // The long target is cut (in the middle); the short columns beside it stay whole.
        #expect(line.text.contains("arn:aws") && line.text.contains("…ppp"))
        #expect(line.text.contains("CreateTrustAnchor"))
        #expect(line.text.contains("arn+key+session"))
        #expect(line.text.hasSuffix("203.0.113.10"))
    }

    @Test func aHostileTargetIsShownEscaped() {
        var record = TestAlerts.profile
        record.relatedActivity[0].event.target = "evil\u{1B}]0;pwned\u{07}\u{202E}txt"
        var state = ConsoleState(alerts: [record], analyst: "a", now: 0, size: TerminalSize(rows: 40, columns: 160))
        state.press(.key("A"))
        let buffer = ConsoleRenderer.render(state, size: state.size)
        let screen = buffer.textLines.joined(separator: "\n")
        #expect(screen.contains(#"evil\u{1B}]0;pwned\u{7}\u{202E}txt"#))
        #expect(!screen.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0 == "\u{202E}" })
        // The escaped value is marked as such on screen.
        let row = buffer.textLines.firstIndex { $0.contains("evil") } ?? 0
        let column = buffer.textLines[row].distance(
            from: buffer.textLines[row].startIndex,
            to: buffer.textLines[row].range(of: "evil")?.lowerBound ?? buffer.textLines[row].startIndex)
        #expect(buffer[row, column].style == .escaped)
    }
}
