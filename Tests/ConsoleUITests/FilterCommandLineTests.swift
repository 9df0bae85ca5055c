import ConsoleTestSupport
import TerminalGrid
import Testing
import TriageModel

@testable import ConsoleUI

@Suite struct FilterCommandLineTests {
    private func listed(_ state: ConsoleState) -> [String] {
        state.visible.map { state.alerts[$0].uuid }
    }

    @Test func actorFilterNarrowsTheListAndTheHeaderCountsIt() {
        var state = TestAlerts.console()
        let effects = state.press(.key(":")) + state.type("actor api-deployer\n")
        #expect(listed(state) == ["bbbb2222-fp"])
        #expect(state.screen[0].contains("1 of 4 alerts"))
        #expect(state.screen[0].contains("actor ~ api-deployer"))
        #expect(effects == [.saveView("actor api-deployer")])
        // Case does not matter, and an empty argument clears the filter.
        state.press(.key(":"))
        state.type("actor API-DEPLOYER\n")
        #expect(listed(state) == ["bbbb2222-fp"])
        state.press(.key(":"))
        state.type("actor\n")
        #expect(state.visible.count == 4)
    }

    @Test func accountAndRegionFilters() {
        var state = TestAlerts.console()
        state.press(.key(":"))
        state.type("region eu-\n")
        #expect(state.visible.isEmpty)
        #expect(state.screen.joined().contains("No alerts match the filters"))
        state.press(.key(":"))
        state.type("reg us-east\n")  // a unique prefix names the command
        state.press(.key(":"))
        state.type("account 1111\n")
        #expect(state.visible.count == 4)
    }

    @Test func timeRangeAbsoluteAndRelative() {
        var state = TestAlerts.console()
        state.press(.key(":"))
        state.type("since 2026-03-10T09:05\n")
        #expect(listed(state) == ["cccc3333-ec2", "bbbb2222-fp", "dddd4444-hostile"])
        state.press(.key(":"))
        state.type("until 2026-03-10 09:13\n")  // a space works as the T; until is exclusive
        #expect(listed(state) == ["cccc3333-ec2"])
        #expect(state.screen[0].contains("since 2026-03-10T09:05:00Z · until 2026-03-10T09:13:00Z"))
        state.press(.key(":"))
        state.type("until\n")
        // Relative times count back from the newest alert (2026-03-12T07:00), not the clock.
        state.press(.key(":"))
        state.type("since -1d\n")
        #expect(listed(state) == ["dddd4444-hostile"])
        #expect(state.filter.since == 1_773_212_400_000)
    }

    @Test func badCommandsSayWhyAndKeepTheLineOpen() {
        var state = TestAlerts.console()
        state.press(.key(":"))
        state.type("bogus thing\n")
        #expect(state.message?.text.contains("Unknown command \"bogus\"") == true)
        guard case .command(let input)? = state.prompt else {
            Issue.record("the command line closed on an error")
            return
        }
        #expect(input.text == "bogus thing")
        #expect(state.screen.last?.contains("Unknown command") == true)
        state.press(.escape)
        for (line, words) in [
            ("since yesterday", "is not a time"), ("severity huge", "is not one of"), ("s x", "could be"),
            ("status pending", "is not one of"), ("sort size", "is not one of"), ("since -2x", "relative time"),
            ("rule nonesuch", "No loaded rule"),
        ] {
            state.press(.key(":"))
            state.type(line + "\n")
            #expect(state.message?.text.contains(words) == true, "\(line): \(state.message?.text ?? "no message")")
            #expect(state.visible.count == 4)
            state.press(.escape)
        }
    }

    @Test func severityStatusAndSortCommands() {
        var state = TestAlerts.console(states: ["cccc3333-ec2": TriageState(status: .acknowledged)])
        state.press(.key(":"))
        state.type("severity med\n")
        #expect(state.visible.count == 3)
        state.press(.key(":"))
        state.type("status open,ack\n")
        #expect(state.visible.count == 3)
        state.press(.key(":"))
        state.type("status acknowledged\n")
        #expect(listed(state) == ["cccc3333-ec2"])
        state.press(.key(":"))
        state.type("clear\n")
        state.press(.key(":"))
        state.type("sort -time\n")
        #expect(state.sortOrder == .timeDescending)
        #expect(listed(state).first == "dddd4444-hostile")
    }

    @Test func rulePickListShowsCountsAndPicks() {
        var state = TestAlerts.console()
        state.press(.key("F"))
        guard case .rulePicker(let choices, let choice)? = state.prompt else {
            Issue.record("F did not open the pick list")
            return
        }
        #expect(choice == 0)
        #expect(choices.map(\.count) == [4, 3, 1])
        #expect(choices.map(\.name) == [nil, TestAlerts.userRule, TestAlerts.profileRule])
        let screen = state.screen.joined(separator: "\n")
        #expect(screen.contains("3  " + TestAlerts.userRule))
        #expect(screen.contains("4  All rules"))
        state.press(.key("j"), .key("j"), .enter)
        #expect(state.filter.ruleName == TestAlerts.profileRule)
        #expect(listed(state) == ["aaaa1111-profile"])
        // :rule with part of a name picks the one rule it fits.
        state.press(.key(":"))
        state.type("rule create user\n")
        #expect(state.filter.ruleName == TestAlerts.userRule)
        // Part of several names opens the list with just those.
        state.press(.key(":"))
        state.type("rule aws iam\n")
        guard case .rulePicker(let narrowed, _)? = state.prompt else {
            Issue.record(":rule with an ambiguous name did not open the pick list")
            return
        }
        #expect(narrowed.count == 2)
        state.press(.escape)
        #expect(state.filter.ruleName == TestAlerts.userRule)
    }

    @Test func slashFiltersAsYouTypeEscRestoresAndNStillSteps() {
        var state = TestAlerts.console()
        state.press(.key("/"))
        state.type("i-0")
        #expect(listed(state) == ["cccc3333-ec2", "dddd4444-hostile"])
        #expect(state.screen.last?.contains("2 of 4 match") == true)
        state.press(.escape)
        #expect(state.visible.count == 4)
        state.press(.key("/"))
        state.type("i-0\n")
        #expect(state.visible.count == 2)
        #expect(state.screen[0].contains("/i-0"))
        #expect(state.selectedUUID == "cccc3333-ec2")
        state.press(.key("n"))
        #expect(state.selectedUUID == "dddd4444-hostile")
        state.press(.key("N"))
        #expect(state.selectedUUID == "cccc3333-ec2")
        state.press(.escape)  // Esc on the list clears filters, the text one too
        #expect(state.visible.count == 4)
    }

    @Test func tabCompletesCommandsAndValues() {
        var state = TestAlerts.console()
        state.press(.key(":"))
        state.type("sev")
        state.press(.tab)
        #expect(state.prompt == .command(TextInput("severity ")))
        state.type("h")
        state.press(.tab)
        #expect(state.prompt == .command(TextInput("severity high")))
        state.press(.escape)
        state.press(.key(":"))
        state.type("ac")
        state.press(.tab)
        #expect(state.prompt == .command(TextInput("ac")))
        #expect(state.message?.text == "actor  account")
        state.press(.escape)
        state.press(.key(":"))
        state.type("rule aws iam r")
        state.press(.tab)
        #expect(state.prompt == .command(TextInput("rule " + TestAlerts.profileRule)))
        state.press(.escape)
        state.press(.key(":"))
        state.type("actor arn:aws:sts::111122223333:assumed-role/api")
        state.press(.tab)
        guard case .command(let input)? = state.prompt else { return }
        #expect(input.text == "actor arn:aws:sts::111122223333:assumed-role/api-deployer/build-42")
    }

    @Test func commandHintAndHelpShowTheGrammar() {
        var state = TestAlerts.console()
        state.press(.key(":"))
        state.type("si")
        #expect(state.screen.last?.contains(":since [TIME] — events at or after TIME") == true)
        state.press(.escape)
        state.press(.key("?"))
        let help = state.overlayLines(width: 118).map(\.text)
        #expect(help.contains { $0.contains(":actor [TEXT]") && $0.contains("actors containing TEXT") })
        #expect(help.contains { $0.contains(":since [TIME]") && $0.contains("-2h") })
    }

    @Test func storedViewRestoresFiltersSortAndTimes() {
        var state = TestAlerts.console()
        var saved: [ConsoleEffect] = []
        for line in ["actor ec2-provisioner", "since 2026-03-10T09:01", "severity medium", "sort -time", "times local"]
        {
            saved += state.press(.key(":")) + state.type(line + "\n")
        }
        saved += state.press(.key("/")) + state.type("0ffe\n")
        guard case .saveView(let text)? = saved.last else {
            Issue.record("no view was stored")
            return
        }
        // Nothing is stored while a prompt is still open: one write per settled change.
        #expect(saved.count == 6)
        var reopened = TestAlerts.console()
        reopened.restoreView(text)
        #expect(reopened.filter == state.filter)
        #expect(reopened.sortOrder == .timeDescending)
        #expect(reopened.timeDisplay == .local)
        #expect(reopened.visible == state.visible)
        #expect(reopened.message?.text == "Filters restored: 1 of 4 alerts")
        // Restoring is not a change to store again.
        #expect(reopened.press(.key("j")).isEmpty)
    }

    @Test func aStoredLineThatNoLongerParsesIsReported() {
        var state = TestAlerts.console()
        state.restoreView("actor alice\nfrobnicate 3\n")
        #expect(state.filter.actor == "alice")
        #expect(state.message?.text.contains("partly restored") == true)
        #expect(state.message?.text.contains("frobnicate") == true)
    }
}
