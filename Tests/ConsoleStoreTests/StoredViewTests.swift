import ConsoleStore
import ConsoleTestSupport
import TerminalGrid
import TestSupport
import Testing

@testable import ConsoleUI
@testable import TriageModel
@testable import TriageStore

/// The list's filters and sort are kept in the case's database and back when it is reopened.
@Suite struct StoredViewTests {
    typealias Console = TwoConsoleTests.Console

    @Test func filtersAndSortSurviveReopeningTheCase() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("case.sqlite")
        try TriageStore(path: path).save(TestAlerts.all)
        do {
            var first = try Console(path: path, analyst: "ana", time: 1_773_400_000_000)
            first.press(.key(":"))
            first.type("actor ec2-provisioner\n")
            first.press(.key(":"))
            first.type("since 2026-03-11\n")
            first.press(.key("s"))  // newest first
            #expect(first.state.visible.count == 1)
        }
        let reopened = try Console(path: path, analyst: "ana", time: 1_773_400_100_000)
        #expect(reopened.state.filter.actor == "ec2-provisioner")
        #expect(reopened.state.filter.since == 1_773_187_200_000)
        #expect(reopened.state.sortOrder == .timeDescending)
        #expect(reopened.state.visible.map { reopened.state.alerts[$0].uuid } == ["dddd4444-hostile"])
        #expect(reopened.state.screen[0].contains("1 of 4 alerts"))
        #expect(reopened.state.message?.text == "Filters restored: 1 of 4 alerts")
        // Another case's database starts unfiltered.
        let otherPath = directory.file("other.sqlite")
        try TriageStore(path: otherPath).save(TestAlerts.all)
        let other = try Console(path: otherPath, analyst: "ana", time: 1_773_400_100_000)
        #expect(other.state.filter.isEmpty)
        #expect(other.state.visible.count == 4)
    }

    @Test func clearingTheFiltersIsStoredToo() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("case.sqlite")
        try TriageStore(path: path).save(TestAlerts.all)
        var first = try Console(path: path, analyst: "ana", time: 0)
        first.press(.key(":"))
        first.type("severity high\n")
        first.press(.escape)  // Esc on the list clears the filters
        #expect(try first.store.setting(ConsoleStoreEffects.viewSetting) == "")
        let reopened = try Console(path: path, analyst: "ana", time: 0)
        #expect(reopened.state.filter.isEmpty)
    }

    @Test func settingsReadBackAndReplace() throws {
        let directory = try ScratchDirectory()
        let store = try TriageStore(path: directory.file("s.sqlite"))
        #expect(try store.setting("console.view") == nil)
        try store.setSetting("console.view", to: "actor a")
        try store.setSetting("console.view", to: "actor b\nsort -time")
        #expect(try store.setting("console.view") == "actor b\nsort -time")
    }
}
