import Alerts
import ConsoleTestSupport
import DetectionRules
import TerminalGrid
import Testing
import TriageModel

@testable import ConsoleUI

@Suite struct FindingTests {
    @Test func statusFilterCyclesAndKeepsTheSelectedAlert() {
        var state = TestAlerts.console(states: [
            "cccc3333-ec2": TriageState(status: .acknowledged),
            "bbbb2222-fp": TriageState(status: .closed, disposition: .falsePositive, reason: "pattern"),
        ])
        state.press(.key("j"))
        #expect(state.selectedUUID == "cccc3333-ec2")
        state.press(.key("f"))  // open only
        #expect(state.visible.count == 2)
        state.press(.key("f"))  // acknowledged only
        #expect(state.visible.map { state.alerts[$0].uuid } == ["cccc3333-ec2"])
        #expect(state.selectedUUID == "cccc3333-ec2")
        state.press(.key("f"))  // closed
        #expect(state.visible.map { state.alerts[$0].uuid } == ["bbbb2222-fp"])
        state.press(.key("f"))  // open + acknowledged
        #expect(state.visible.count == 3)
        state.press(.key("f"))  // all
        #expect(state.visible.count == 4)
    }

    @Test func ruleAndSeverityFiltersAndEscClearsThem() {
        var state = TestAlerts.console()
        state.press(.key("F"), .key("j"), .enter)  // the pick list: all rules, then the most alerts
        #expect(state.filter.ruleName == TestAlerts.userRule)
        #expect(state.visible.count == 3)
        state.press(.key("S"))
        #expect(state.filter.minimumSeverity == .medium)
        state.press(.key("S"))
        #expect(state.visible.map { state.alerts[$0].uuid } == ["dddd4444-hostile"])
        #expect(state.screen[0].contains("severity ≥"))
        state.press(.escape)
        #expect(state.filter.isEmpty)
        #expect(state.visible.count == 4)
    }

    @Test func sortCyclesThroughOrders() {
        var state = TestAlerts.console()
        state.press(.key("s"))
        #expect(state.sortOrder == .timeDescending)
        #expect(state.alerts[state.visible[0]].uuid == "dddd4444-hostile")
        state.press(.key("s"))
        #expect(state.sortOrder == .severity)
        #expect(state.visible.map { state.rows[$0].severity } == [.high, .medium, .medium, .low])
        state.press(.key("s"))
        #expect(state.alerts[state.visible[0]].rule.name == TestAlerts.userRule)
    }

    @Test func incrementalSearchFiltersAsYouTypeAndEscReturns() {
        var state = TestAlerts.console()
        state.press(.key("/"))
        state.type("build-4")
        #expect(state.visible.map { state.alerts[$0].uuid } == ["bbbb2222-fp"])
        #expect(state.selectedUUID == "bbbb2222-fp")
        state.type("x")
        #expect(state.visible.isEmpty)
        #expect(state.message?.text == "0 of 4 match")
        state.press(.escape)
        #expect(state.prompt == nil)
        #expect(state.visible.count == 4)
        #expect(state.selectedUUID == "aaaa1111-profile")
        #expect(state.searchQuery == "")
    }

    @Test func nextAndPreviousMatchWrap() {
        var state = TestAlerts.console()
        state.press(.key("/"))
        state.type("createuser")  // case-insensitive
        state.press(.enter)
        #expect(state.selectedUUID == "cccc3333-ec2")
        state.press(.key("n"))
        #expect(state.selectedUUID == "bbbb2222-fp")
        state.press(.key("n"))
        #expect(state.selectedUUID == "dddd4444-hostile")
        state.press(.key("n"))
        #expect(state.selectedUUID == "cccc3333-ec2")
        #expect(state.message?.text == "Search wrapped to the top")
        state.press(.key("N"))
        #expect(state.selectedUUID == "dddd4444-hostile")
        #expect(state.message?.text == "Search wrapped to the bottom")
        state.press(.key("N"))
        #expect(state.selectedUUID == "bbbb2222-fp")
        #expect(state.message == nil)
    }

    @Test func searchFindsRequestParameterValues() {
        var state = TestAlerts.console()
        state.press(.key("G"), .key("/"))
        state.type("S3EXPORT")
        state.press(.enter)
        #expect(state.selectedUUID == "aaaa1111-profile")
        state.press(.key("n"))
        #expect(state.message?.text == "Search wrapped to the top")
        #expect(state.selectedUUID == "aaaa1111-profile")
    }

    @Test func nWithoutASearchSaysSo() {
        var state = TestAlerts.console()
        state.press(.key("n"))
        #expect(state.message?.text == "No search yet: press / to search")
    }
}
