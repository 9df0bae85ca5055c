import ConsoleTestSupport
import TerminalGrid
import Testing
import TriageModel

@testable import ConsoleUI

/// The list keeps every alert's sorted order and filters from it: a filter change needs no sort,
/// and the order is sorted again exactly when the sort order, the alerts, or (sorting by status)
/// their states change.
@Suite struct SortOnceTests {
    /// The listed alerts' uuids, in list order.
    private func listed(_ state: ConsoleState) -> [String] {
        state.visible.map { state.alerts[$0].uuid }
    }

    /// The order a fresh sort of the filtered alerts gives (what the list showed before the cache).
    private func freshlySorted(_ state: ConsoleState) -> [String] {
        var fresh = ConsoleState(
            alerts: state.alerts, states: Dictionary(uniqueKeysWithValues: zip(state.alerts.map(\.uuid), state.states)),
            analyst: "a", now: 0, size: state.size)
        while fresh.sortOrder != state.sortOrder { fresh.press(.key("s")) }
        return listed(fresh).filter { Set(listed(state)).contains($0) }
    }

    @Test func aFilterChangeReusesTheSortAndKeepsItsOrder() {
        var state = ConsoleState(
            alerts: TestAlerts.many(40) + TestAlerts.all, analyst: "a", now: 0,
            size: TerminalSize(rows: 40, columns: 120))
        state.press(.key("s"), .key("s"))  // severity
        let sorted = state.sortedAlerts?.positions
        state.press(.key("S"), .key("S"))  // minimum severity filter
        #expect(state.sortedAlerts?.positions == sorted, "the filter did not sort again")
        #expect(listed(state) == freshlySorted(state))
        state.press(.key("/"))
        state.type("ec2")
        #expect(state.sortedAlerts?.positions == sorted)
        #expect(listed(state) == freshlySorted(state))
    }

    @Test func aSortChangeSortsAgain() {
        var state = TestAlerts.console()
        state.press(.key("s"))
        #expect(state.sortedAlerts?.order == .timeDescending)
        #expect(listed(state) == freshlySorted(state))
        #expect(listed(state).first == TestAlerts.hostile.uuid)
    }

    @Test func sortedByStatusAnAlertMovesWhenItsStatusChanges() {
        var state = TestAlerts.console()
        for _ in 0..<4 { state.press(.key("s")) }
        #expect(state.sortOrder == .status)
        let first = listed(state).first
        state.commit(state.press(.key("a")))
        #expect(state.state(of: first ?? "")?.status == .acknowledged)
        #expect(listed(state).last == first, "acknowledged sorts after open")
        #expect(listed(state) == freshlySorted(state))
    }

    @Test func newAlertsAreSortedIn() {
        var state = ConsoleState(alerts: [TestAlerts.hostile], analyst: "a", now: 0)
        state.load(alerts: TestAlerts.all, states: [:])
        #expect(listed(state) == freshlySorted(state))
        #expect(listed(state).count == TestAlerts.all.count)
    }
}
