import ConsoleTestSupport
import RelatedActivity
import TerminalGrid
import Testing
import TriageModel

@testable import ConsoleUI

/// Related activity as a drill-down: it opens on the alert's own event, the cursor moves over
/// events, Enter opens one in a stacked view, Esc returns to the same place, and `f` narrows
/// the list to the guides' follow-ups.
@Suite struct RelatedDrillDownTests {
    /// The text of the related view's row under the cursor.
    private func cursorRow(_ state: ConsoleState) -> String? {
        state.overlayLines(width: 118).first { $0.background == .selected }?.text
    }

    @Test func opensOnTheAlertsOwnEventAndDrillsIntoAnotherAndBack() {
        var state = TestAlerts.console()
        state.press(.key("A"))
        // Time order puts CreateTrustAnchor first; the cursor starts on the alert's CreateProfile.
        #expect(cursorRow(state)?.contains("▶") == true)
        #expect(cursorRow(state)?.contains("CreateProfile") == true)
        state.press(.key("k"))
        #expect(cursorRow(state)?.contains("CreateTrustAnchor") == true)
        state.press(.enter)
        guard case .relatedEvent(_, let event)? = state.overlay else {
            Issue.record("Enter did not open the event")
            return
        }
        #expect(event.event.action == "CreateTrustAnchor")
        let detail = state.screen.joined(separator: "\n")
        #expect(detail.contains("Related event"))
        #expect(detail.contains("CreateTrustAnchor · ★ follow-up"))
        #expect(detail.contains("rolesanywhere.amazonaws.com"))
        #expect(detail.contains("trust anchor"), "a CreateTrustAnchor shows its certificate source")
        #expect(
            detail.contains(event.event.document == nil ? "not its whole record" : "Mapped document (ECS)"),
            "the view says what it holds")
        state.press(.escape)
        #expect(state.overlay == .related(window: 2))
        #expect(cursorRow(state)?.contains("CreateTrustAnchor") == true, "back where the analyst was")
        state.press(.escape)
        #expect(state.overlay == nil)
    }

    @Test func followUpsOnlyHidesOrdinaryEventsAndKeepsTheCursor() {
        var state = TestAlerts.console()
        state.press(.key("A"))
        #expect(state.overlayLines(width: 118).contains { $0.text.contains("DescribeInstances") })
        state.press(.key("f"))
        let lines = state.overlayLines(width: 118).map(\.text)
        #expect(!lines.contains { $0.contains("DescribeInstances") })
        #expect(lines.contains { $0.contains("CreateTrustAnchor") })
        #expect(lines.contains { $0.contains("CreateRole") })
        #expect(cursorRow(state)?.contains("CreateProfile") == true)
        #expect(state.overlayTitle.contains("follow-ups only"))
        #expect(state.message?.text == "Follow-ups only: 3 events (f shows all)")
        state.press(.key("f"))
        #expect(state.overlayLines(width: 118).contains { $0.text.contains("DescribeInstances") })
    }

    @Test func aLongDayOpensScrolledToTheAlertsEvent() {
        var state = TestAlerts.console(size: TerminalSize(rows: 24, columns: 80))
        var record = TestAlerts.profile
        // A busy actor: 300 events before the alert's own.
        let own = record.relatedActivity.first { $0.isAlertEvent }
        var busy = (0..<300).map { offset -> RelatedEvent in
            var event = own?.event ?? record.relatedActivity[0].event
            event.time = record.originalTime - Int64(300 - offset) * 1000
            event.action = "GetObject"
            return RelatedEvent(event: event, relation: .sameARN, isFollowUp: false, isAlertEvent: false)
        }
        if let own { busy.append(own) }
        record.relatedActivity = busy
        state.load(alerts: [record], states: [:])
        state.press(.key("A"))
        let screen = state.screen.joined(separator: "\n")
        #expect(screen.contains("▶"), "the alert's event is on the first screen shown")
        #expect(state.overlayScroll > 250)
    }
}
