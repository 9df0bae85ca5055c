import CaseNotes
import ConsoleTestSupport
import TerminalGrid
import Testing
import TriageModel

@testable import ConsoleUI

@Suite struct LayoutTests {
    private static let small = TerminalSize(rows: 24, columns: 80)
    private static let large = TerminalSize(rows: 50, columns: 200)

    /// The list's body rows as rendered.
    private func listRows(_ state: ConsoleState) -> [String] {
        let lines = state.screen
        let body = state.layout.listBody
        return Array(lines[body.top..<min(body.bottom, body.top + state.visible.count)])
    }

    /// No value cut ("…") while the row still has blank cells at its end beyond the status
    /// column's own padding (every test alert is `open`).
    private func expectNothingCutWhileRoomRemains(
        _ state: ConsoleState, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let columns = state.listColumns
        for row in listRows(state) where row.contains("…") {
            var trimmed = Substring(row)
            while trimmed.last == " " { trimmed.removeLast() }
            let blank = state.size.columns - trimmed.count
            #expect(
                blank <= columns.status - "open".count, "cut with \(blank) blank cells left: \(row)",
                sourceLocation: sourceLocation)
        }
    }

    /// Found on the recorded corpus at 120x40: a rule's highlighted field named
    /// `user_agent.original` or `aws.cloudtrail.user_identity.type` was cut to the label column
    /// (`user_agent.orig…`) beside a short value and a wide blank.
    @Test func detailLabelsLongerThanTheirColumnAreNotCut() throws {
        let record = TestAlerts.instance
        let labels = record.highlightedFields.map(\.field).filter { $0.count > DetailContent.labelWidth }
        #expect(labels.contains("user_agent.original"))
        let state = ConsoleState(
            alerts: [record], analyst: "a", now: 0, size: TerminalSize(rows: 40, columns: 120))
        let lines = try #require(state.detailLines(in: state.layout.detail)).map(\.text)
        for label in labels {
            let line = try #require(lines.first { $0.contains(label) }, "\(label) is cut")
            #expect(line.contains("aws-cli/2.15.30") || !label.hasPrefix("user_agent"), "value beside it: \(line)")
        }
        #expect(!lines.contains { $0.hasPrefix("  ") && $0.contains("… ") && $0.count < 60 })
        // Too narrow for label and value on one line: the label gets its own line, whole.
        let narrow = DetailContent.row("aws.cloudtrail.user_identity.arn", "arn:aws:iam::1:user/x", width: 40)
        #expect(
            narrow.map(\.text) == ["  aws.cloudtrail.user_identity.arn", "                   arn:aws:iam::1:user/x"])
        #expect(narrow.last?.field?.value == "arn:aws:iam::1:user/x")
    }

    @Test func standardTerminalLayout() {
        let state = TestAlerts.console(size: Self.small)
        let buffer = ConsoleRenderer.render(state, size: Self.small)
        assertSnapshot(buffer, named: "layout-80x24")
        expectNothingCutWhileRoomRemains(state)
        // Every alert listed, with time, severity and status whole.
        let rows = listRows(state)
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0.hasSuffix("open") || $0.hasSuffix("open  ") })
        #expect(rows[0].contains("03-10 09:00:00 low"))
        #expect(state.listColumns.lineWidth == 80)
    }

    @Test func wideTerminalLayoutShowsEveryValueWhole() {
        let state = TestAlerts.console(size: Self.large)
        let buffer = ConsoleRenderer.render(state, size: Self.large)
        assertSnapshot(buffer, named: "layout-200x50")
        expectNothingCutWhileRoomRemains(state)
        let rows = listRows(state)
        #expect(!rows.contains { $0.contains("…") })
        #expect(rows.contains { $0.contains(TestAlerts.userRule) })
        #expect(
            rows.contains { $0.contains("arn:aws:sts::111122223333:assumed-role/ec2-provisioner/i-0ffe1234abcd56789") })
        // Account and region would cut the rest, so they wait for a sideways scroll.
        #expect(!state.screen[1].contains("ACCOUNT/REGION"))
        var scrolled = state
        scrolled.press(.right)
        #expect(scrolled.screen[1].contains("ACCOUNT/REGION"))
        #expect(listRows(scrolled).allSatisfy { $0.contains("111122223333/us-east-1") })
    }

    @Test func columnsShareRoomByWeightAndFillItExactly() {
        // Short columns stay whole; the long ones are cut to fill the room with nothing left.
        let widths = ListColumns.share(60, among: [50, 70, 8, 0])
        #expect(widths.reduce(0, +) == 60)
        #expect(widths[2] == 8)
        #expect(widths[1] > widths[0])
        #expect(ListColumns.share(200, among: [50, 70, 8, 0]) == [50, 70, 8, 0])
        // Too narrow for the floors: the row overflows and scrolls sideways.
        #expect(ListColumns.share(20, among: [50, 70, 8, 0]) == [10, 10, 8, 0])
    }

    @Test func statusWidthMatchesTheStatusText() {
        var states: [TriageState] = [.untouched, TriageState(status: .acknowledged), TriageState(status: .closed)]
        for disposition in Disposition.allCases {
            states.append(TriageState(status: .closed, disposition: disposition, reason: "r"))
        }
        for state in states {
            #expect(StatusText.shortWidth(state) == StatusText.short(state).count, "\(StatusText.short(state))")
        }
    }

    @Test func sideScrollShowsCutValuesWholeAndReturns() {
        var state = TestAlerts.console(size: Self.small)
        #expect(listRows(state).contains { $0.contains("…") })
        state.press(.right)
        #expect(state.listOffset == ConsoleState.sideStep)
        #expect(state.screen[1].hasPrefix("◀"))
        // Scrolled, the columns are at full width: the rule name reads whole.
        #expect(listRows(state).contains { $0.contains(TestAlerts.userRule) })
        for _ in 0..<40 { state.press(.right) }
        let widest = ListColumns(width: 80, content: state.listContent, unclipped: true).lineWidth - 80
        #expect(state.listOffset == widest)
        #expect(listRows(state).allSatisfy { $0.hasSuffix("open") || $0.hasSuffix("open  ") })
        for _ in 0..<40 { state.press(.left) }
        #expect(state.listOffset == 0)
        #expect(!state.screen[1].hasPrefix("◀"))
    }

    @Test func zoomShowsTheFocusedPaneAlone() {
        var state = ConsoleState(alerts: TestAlerts.many(30), analyst: "a", now: 0, size: Self.small)
        #expect(listRows(state).count == 7)
        state.press(.key("z"))
        #expect(state.isZoomed)
        #expect(listRows(state).count == 21)
        #expect(!state.screen.joined().contains("Checklist"))
        state.press(.tab)  // the zoom follows the focus
        #expect(state.screen[1].contains("Detail (zoomed"))
        #expect(state.screen.contains { $0.contains("Actor") })
        state.press(.tab)
        #expect(state.screen[1].contains("Checklist (zoomed"))
        state.press(.key("z"))
        #expect(state.screen.joined().contains("Checklist"))
        #expect(state.screen.joined().contains("Detail"))
    }

    @Test func timesToggleBetweenUTCAndLocalWithTheZoneNamed() {
        var state = TestAlerts.console(size: Self.large)
        state.localTimeZone = LocalTimeZone(name: "CET") { _ in 3600 }
        #expect(state.screen[1].contains("TIME (UTC)"))
        #expect(listRows(state)[0].contains("2026-03-10 09:00:00"))
        state.press(.key("t"))
        #expect(state.screen[1].contains("TIME (CET)"))
        #expect(listRows(state)[0].contains("2026-03-10 10:00:00"))
        #expect(state.message?.text == "Times in local time (CET)")
        // The detail pane keeps the logged UTC time and adds the local one.
        #expect(state.screen.contains { $0.contains("time             2026-03-10 09:00:00 UTC") })
        #expect(state.screen.contains { $0.contains("local time       2026-03-10 10:00:00 CET") })
        state.press(.key("t"))
        #expect(state.screen[1].contains("TIME (UTC)"))
    }

    @Test func clicksSelectRowsAndPanesAndTheWheelScrolls() {
        var state = ConsoleState(alerts: TestAlerts.many(30), analyst: "a", now: 0, size: Self.small)
        let body = state.layout.listBody
        state.press(.mouse(MouseEvent(.press, row: body.top + 2, column: 10)))
        #expect(state.selection == 2)
        #expect(state.focus == .list)
        state.press(.mouse(MouseEvent(.wheelDown, row: body.top, column: 10)))
        #expect(state.selection == 5)
        state.press(.mouse(MouseEvent(.wheelUp, row: body.top, column: 10)))
        #expect(state.selection == 2)
        let sidebar = state.layout.sidebar
        state.press(.mouse(MouseEvent(.press, row: sidebar.top + 1, column: sidebar.left + 2)))
        #expect(state.focus == .sidebar)
        state.press(.mouse(MouseEvent(.press, row: state.layout.detail.top + 1, column: 1)))
        #expect(state.focus == .detail)
        // A click below the last listed row selects nothing new.
        var short = TestAlerts.console(size: Self.small)
        short.press(.mouse(MouseEvent(.press, row: short.layout.listBody.top + 3, column: 5)))
        #expect(short.selection == 3)
        short.press(.mouse(MouseEvent(.press, row: short.layout.listBody.top + 4, column: 5)))
        #expect(short.selection == 3)
        // In a view the wheel scrolls it.
        short.press(.key("?"))
        short.press(.mouse(MouseEvent(.wheelDown, row: 5, column: 5)))
        #expect(short.overlayScroll == 3)
    }

    @Test func awsServiceCallerIsNamedFromInvokedBy() {
        let json = #"""
            {"eventVersion":"1.08","userIdentity":{"type":"AWSService","invokedBy":"ec2.amazonaws.com"},\#
            "eventTime":"2026-03-10T10:00:00Z","eventSource":"kms.amazonaws.com","eventName":"Decrypt",\#
            "awsRegion":"us-east-1","sourceIPAddress":"ec2.amazonaws.com","userAgent":"ec2.amazonaws.com",\#
            "eventID":"svc-1","eventType":"AwsApiCall","recipientAccountId":"111122223333"}
            """#
        let record = TestAlerts.record(
            json, uuid: "eeee5555-service", ruleName: "Service call", severity: "low", guide: TestAlerts.userGuide)
        #expect(record.actorText == "ec2.amazonaws.com")
        var state = ConsoleState(alerts: [record], analyst: "a", now: 0, size: TerminalSize(rows: 40, columns: 120))
        #expect(listRows(state)[0].contains("ec2.amazonaws.com"))
        #expect(state.screen.contains { $0.contains("invoked by") && $0.contains("ec2.amazonaws.com (AWS service)") })
        state.press(.key("A"))
        #expect(state.screen.contains { $0.contains("Actor: ec2.amazonaws.com") })
        state.press(.escape, .key(":"))
        state.type("actor ec2.amazon\n")
        #expect(state.visible.count == 1)
        let item = CaseNotesExporter.Item(record: record, state: .untouched, audit: [])
        let markdown = CaseNotesExporter(format: .markdown).export([item])
        #expect(markdown.contains("**Invoked by:** `ec2.amazonaws.com`"))
        #expect(markdown.contains("by `ec2.amazonaws.com`"))
    }
}
