import ConsoleTestSupport
import TerminalGrid
import Testing
import TriageModel

@testable import ConsoleUI

@Suite struct NavigationTests {
    @Test func listStartsSortedByTimeWithTheFirstAlertSelected() {
        let state = TestAlerts.console()
        #expect(
            state.visible.map { state.alerts[$0].uuid } == [
                "aaaa1111-profile", "cccc3333-ec2", "bbbb2222-fp", "dddd4444-hostile",
            ])
        #expect(state.selectedUUID == "aaaa1111-profile")
    }

    @Test func movementClampsAtBothEnds() {
        var state = TestAlerts.console()
        state.press(.key("k"), .up)
        #expect(state.selection == 0)
        state.press(.key("j"), .down, .key("j"), .key("j"), .key("j"))
        #expect(state.selection == 3)
        state.press(.key("g"))
        #expect(state.selection == 0)
        state.press(.key("G"))
        #expect(state.selection == 3)
        state.press(.home)
        #expect(state.selection == 0)
        state.press(.end)
        #expect(state.selection == 3)
    }

    @Test func pageKeysMoveByTheListHeightAndKeepTheSelectionOnScreen() {
        var state = ConsoleState(
            alerts: TestAlerts.many(100), analyst: "a", now: 0, size: TerminalSize(rows: 24, columns: 80))
        let page = ConsoleLayout(size: state.size).listBody.height - 1
        state.press(.pageDown)
        #expect(state.selection == page)
        state.press(.control("f"))
        #expect(state.selection == 2 * page)
        state.press(.control("b"), .pageUp, .pageUp)
        #expect(state.selection == 0)
        state.press(.key("G"))
        #expect(state.selection == 99)
        // The selected row is drawn, on the last list row.
        let screen = state.screen
        #expect(screen.contains { $0.contains("03-10 10:44:00") })
        state.press(.pageDown)
        #expect(state.selection == 99)
    }

    @Test func emptyListIgnoresMovementAndTriage() {
        var state = ConsoleState(alerts: [], analyst: "a", now: 0)
        #expect(state.press(.key("j"), .key("G"), .pageDown, .key("r"), .key("c"), .key("m")).isEmpty)
        #expect(state.prompt == nil)
        #expect(state.message?.text == "No alert selected")
    }

    @Test func tabCyclesPanesAndEscReturnsToTheList() {
        var state = TestAlerts.console()
        #expect(state.focus == .list)
        state.press(.tab)
        #expect(state.focus == .detail)
        state.press(.tab)
        #expect(state.focus == .sidebar)
        state.press(.tab)
        #expect(state.focus == .list)
        state.press(.backTab)
        #expect(state.focus == .sidebar)
        state.press(.escape)
        #expect(state.focus == .list)
        state.press(.enter)
        #expect(state.focus == .detail)
    }

    @Test func sidebarMovesThroughStepsNotAlerts() {
        var state = TestAlerts.console()
        state.press(.tab, .tab, .key("j"), .key("j"), .key("j"), .key("j"), .key("j"))
        #expect(state.stepCursor == 3)
        #expect(state.selection == 0)
    }

    @Test func detailPaneScrollsAndClamps() {
        var state = TestAlerts.console(size: TerminalSize(rows: 24, columns: 80))
        // j/k step the field cursor; the pane scrolls only once the field leaves the view.
        state.press(.tab, .key("j"), .key("j"))
        #expect(state.detailCursor == 2)
        #expect(state.detailScroll == 0)
        state.press(.pageDown)
        #expect(state.detailScroll > 0)
        state.press(.key("G"))
        let bottom = state.detailScroll
        #expect(bottom > 2)
        state.press(.key("j"), .pageDown)
        #expect(state.detailScroll == bottom)
        state.press(.key("g"))
        #expect(state.detailScroll == 0)
        #expect(state.detailCursor == 0)
    }

    @Test func ctrlLAsksForARedrawAndResizeKeepsTheSelectionVisible() {
        var state = ConsoleState(
            alerts: TestAlerts.many(50), analyst: "a", now: 0, size: TerminalSize(rows: 40, columns: 120))
        #expect(state.press(.control("l")) == [.redraw])
        state.press(.key("G"))
        state.size = TerminalSize(rows: 16, columns: 60)
        state.press(.resize)
        #expect(state.screen.contains { $0.contains("03-10 09:54:00") })
    }
}
