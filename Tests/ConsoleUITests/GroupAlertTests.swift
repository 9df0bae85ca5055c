import Alerts
import ConsoleTestSupport
import TerminalGrid
import Testing
import TrailTriageJSON
import TriageModel
import TriageTestSupport

@testable import ConsoleUI

/// Alerts about several events in the list, the detail pane and related activity.
@Suite struct GroupAlertTests {
    static let size = TerminalSize(rows: 40, columns: 150)
    static let alerts =
        [
            GroupAlerts.threshold, GroupAlerts.aggregation, GroupAlerts.sequence,
        ] + GroupAlerts.buildingBlocks

    static func console(indexed: Bool = true) -> ConsoleState {
        let records = alerts.map { alert in
            indexed
                ? GroupAlerts.record(alert) : AlertRecord(alert: alert, guide: GuideSnapshot(), mitre: [], index: nil)
        }
        return ConsoleState(alerts: records, analyst: "analyst1", now: 1_773_400_000_000, size: size)
    }

    /// The console with `uuid` selected.
    static func selecting(_ uuid: String, in state: ConsoleState = console()) -> ConsoleState {
        var state = state
        state.press(.key("g"))
        for _ in state.visible where state.selectedUUID != uuid { state.press(.key("j")) }
        #expect(state.selectedUUID == uuid)
        return state
    }

    static func detail(_ state: ConsoleState) -> [String] {
        state.detailLines(in: Rect(top: 0, left: 0, height: 200, width: 90))?.map(\.text) ?? []
    }

    /// The list row of `uuid`, as drawn.
    static func listRow(_ uuid: String, in state: ConsoleState) -> String {
        let screen = selecting(uuid, in: state).screen
        let row = state.visible.firstIndex { state.alerts[$0].uuid == uuid } ?? 0
        return screen[2 + row]
    }

    @Test func thresholdDetailShowsTheGroup() {
        let lines = Self.detail(Self.selecting("thre5h01d-root"))
        let text = lines.joined(separator: "\n")
        #expect(lines.contains("Group (threshold)"))
        #expect(text.contains("cloud.account.id 111122223333"))
        #expect(text.contains("count            4 events"))
        #expect(text.contains("from             2024-05-01 10:00:00 UTC"))
        #expect(text.contains("to               2024-05-01 10:03:00 UTC (3m later)"))
        #expect(text.contains("cardinality      source.ip: 1 distinct"))
        // Facts its document lacks are left out rather than each saying so.
        #expect(!text.contains("not in this event"))
        // A group is no one event: no request parameters, and the actor comes from its events.
        #expect(!text.contains("Request parameters"))
        #expect(text.contains("from events      arn:aws:iam::111122223333:root"))
        #expect(lines.first == "ConsoleLogin · Root Brute Force")
    }

    @Test func sequenceDetailListsItsEventsInOrder() {
        let lines = Self.detail(Self.selecting("sequence-alert"))
        guard let start = lines.firstIndex(of: "Sequence (2 events, in order)") else {
            Issue.record("no sequence section in \(lines)")
            return
        }
        #expect(
            lines[start + 1] == "  1. 2026-03-10 08:55:00  CreateTrustAnchor by arn:aws:iam::111122223333:user/alice")
        #expect(lines[start + 2] == "  2. 2026-03-10 09:00:00  CreateProfile by arn:aws:iam::111122223333:user/alice")
    }

    @Test func sequenceEventsAwaitTheIndex() {
        var state = Self.console(indexed: false)
        state.isIndexingRelatedActivity = true
        let lines = Self.detail(Self.selecting("sequence-alert", in: state))
        // Not indexed yet: the events are named by key, and the pane says why.
        #expect(lines.contains { $0.contains("1. 2026-03-10 08:55:00  ra-related-anchor") })
        #expect(!lines.contains { $0.contains("not in the loaded data") })
    }

    @Test func buildingBlocksAreHiddenUntilAsked() {
        var state = Self.console()
        #expect(state.visible.count == 3)
        #expect(!state.visible.contains { state.alerts[$0].isBuildingBlock })
        #expect(state.screen[0].contains("2 building blocks hidden (B shows)"))
        state.press(.key("B"))
        #expect(state.visible.count == 5)
        #expect(state.message?.text == "Showing 2 building-block alerts")
        #expect(state.screen[0].contains("building blocks shown"))
        // Esc clears it with the other filters.
        state.press(.escape)
        #expect(state.visible.count == 3)
        #expect(Keymap.standard.helpLines().contains { $0.contains("B") && $0.contains("building-block alerts") })
    }

    @Test func buildingBlockNamesItsSequenceAndPosition() {
        var state = Self.console()
        state.press(.key("B"))
        let text = Self.detail(Self.selecting("building-block-1", in: state)).joined(separator: "\n")
        #expect(text.contains("Part of a sequence (building block)"))
        #expect(text.contains("position         event 2 of 2 (group index 1)"))
        #expect(text.contains("sequence alert   sequence-alert"))
        #expect(text.contains("group id         seq-group-1"))
        // It is one event: its request parameters are shown as for any event.
        #expect(text.contains("Request parameters"))
    }

    @Test func aggregationDetailShowsColumnsInQueryOrder() {
        let lines = Self.detail(Self.selecting("esql-aggregate"))
        guard let start = lines.firstIndex(of: "ES|QL row (columns in the query's order)") else {
            Issue.record("no columns section in \(lines)")
            return
        }
        #expect(
            Array(lines[(start + 1)...(start + 8)]) == [
                "  Esql.event_count 4",
                "  Esql.source_ip_values",
                "    - 198.51.100.9",
                "    - 198.51.100.10",
                "  Esql.aws_cloudtrail_user_identity_arn_values",
                "    arn:aws:iam::111122223333:root",
                "  Esql.event_action_values",
                "    ConsoleLogin",
            ])
        #expect(lines[start + 9] == "  cloud.account.id 111122223333")
        #expect(lines.contains("  from columns     arn:aws:iam::111122223333:root"))
    }

    @Test func listRowsShowActorAndActionForEveryShape() {
        let state = Self.console()
        for uuid in ["thre5h01d-root", "esql-aggregate"] {
            let row = Self.listRow(uuid, in: state)
            #expect(row.contains("arn:aws:iam::111122223333:root"), "\(uuid): \(row)")
            #expect(row.contains("ConsoleLogin"), "\(uuid): \(row)")
        }
        let sequence = Self.listRow("sequence-alert", in: state)
        #expect(sequence.contains("CreateTrustAnchor →"))
        #expect(sequence.contains("arn:aws:iam::111122223333:user/alice"))
    }

    @Test func groupRowsFillInOnceIndexed() {
        var state = Self.console(indexed: false)
        // Before the index: the threshold document names neither actor nor action.
        let row = Self.listRow("thre5h01d-root", in: state)
        #expect(row.contains(" —  "))
        #expect(!row.contains("ConsoleLogin"))
        state.didIndexRelatedActivity(Self.alerts.map { GroupAlerts.record($0) })
        let indexed = Self.listRow("thre5h01d-root", in: state)
        #expect(indexed.contains("arn:aws:iam::111122223333:root"))
        #expect(indexed.contains("ConsoleLogin"))
        // And search finds it by what its events say.
        state.press(.key("/"))
        state.type("root")
        #expect(state.selectedUUID == "thre5h01d-root")
    }

    @Test func relatedActivityOfAGroupIsItsEvents() {
        var state = Self.selecting("thre5h01d-root")
        state.press(.key("A"))
        let screen = state.screen.joined(separator: "\n")
        #expect(screen.contains("The alert's 4 events, in time order"))
        #expect(state.screen.filter { $0.contains("ConsoleLogin") && $0.contains("member") }.count == 4)
        #expect(screen.contains("member"))
        #expect(!screen.contains("Window:"))
    }

    @Test func hostileColumnValuesAreEscaped() {
        var alert = GroupAlerts.aggregation
        var flat = alert.flatJSON
        flat["Esql.source_ip_values"] = .array([.string("198.51.100.9\u{1B}[2J\u{202E}")])
        alert.uuid = "hostile"
        let record = AlertRecord(uuid: "hostile", rule: alert.rule, originalTime: alert.originalTime, flatJSON: flat)
        let state = ConsoleState(alerts: [record], analyst: "analyst1", now: 0, size: Self.size)
        let buffer = ConsoleRenderer.render(state, size: Self.size)
        #expect(
            !buffer.cells.contains { cell in
                cell.character.map { $0.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E } } ?? false
            })
        let lines = DetailContent.lines(for: record, state: .untouched, width: 90)
        let value = lines.flatMap(\.spans).first { $0.text.contains("198.51.100.9") }
        #expect(value?.style == .escaped)
        #expect(buffer.textLines.joined().contains(#"198.51.100.9\u{1B}[2J\u{202E}"#))
    }
}
