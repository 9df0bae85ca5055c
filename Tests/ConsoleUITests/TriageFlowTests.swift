import ConsoleTestSupport
import TerminalGrid
import Testing
import TriageModel

@testable import ConsoleUI

@Suite struct TriageFlowTests {
    @Test func rTogglesReviewedThroughAnEffect() {
        var state = TestAlerts.console()
        let effects = state.press(.key("r"))
        #expect(effects == [.applyTriage(.setReviewed(true), targets: state.targeting("aaaa1111-profile"))])
        // Nothing changes until the app reports the committed change.
        #expect(state.selectedState?.reviewed == false)
        state.commit(effects)
        #expect(state.selectedState?.reviewed == true)
        #expect(state.screen.contains { $0.hasPrefix(" ✓2026-03-10 09:00:00") })
    }

    @Test func acknowledgeAndReopen() {
        var state = TestAlerts.console()
        #expect(
            state.press(.key("a")) == [
                .applyTriage(.setStatus(.acknowledged), targets: state.targeting("aaaa1111-profile"))
            ])
        #expect(
            state.press(.key("o")) == [.applyTriage(.setStatus(.open), targets: state.targeting("aaaa1111-profile"))])
    }

    @Test func closeAsksForDispositionThenReason() {
        var state = TestAlerts.console()
        state.press(.key("j"), .key("j"))
        #expect(state.press(.key("c")).isEmpty)
        #expect(state.prompt == .disposition(targets: ["bbbb2222-fp"], choice: 0))
        #expect(
            state.screen.last?.contains("Close as: 1 true positive  2 benign true positive  3 false positive") == true)
        state.press(.key("j"), .key("j"), .key("j"))
        #expect(state.prompt == .disposition(targets: ["bbbb2222-fp"], choice: 2))
        state.press(.enter)
        #expect(state.prompt == .reason(targets: ["bbbb2222-fp"], .falsePositive, TextInput()))
        // A close needs a reason.
        #expect(state.press(.enter).isEmpty)
        #expect(state.message?.text == "A reason is required to close")
        let effects = state.type("role name matched *i-*; session build-42\n")
        #expect(
            effects == [
                .applyTriage(
                    .close(.falsePositive, reason: "role name matched *i-*; session build-42"),
                    targets: state.targeting("bbbb2222-fp"))
            ])
        // The reason stays on screen until the close is committed.
        #expect(state.prompt != nil)
        state.commit(effects)
        #expect(state.prompt == nil)
        #expect(state.selectedState?.status == .closed)
        #expect(state.screen.contains { $0.contains("closed FP") })
    }

    @Test func closePickerTakesDigitsAndEscCancels() {
        var state = TestAlerts.console()
        state.press(.key("c"), .key("2"))
        #expect(state.prompt == .reason(targets: ["aaaa1111-profile"], .benignTruePositive, TextInput()))
        state.type("ab")
        state.press(.backspace)
        #expect(state.prompt == .reason(targets: ["aaaa1111-profile"], .benignTruePositive, TextInput("a")))
        #expect(state.press(.escape).isEmpty)
        #expect(state.prompt == nil)
        #expect(state.message?.text == "Close cancelled")
    }

    @Test func undoSendsTheLastChangeBackOnce() {
        var state = TestAlerts.console()
        #expect(state.press(.key("u")).isEmpty)
        #expect(state.message?.text == "Nothing to undo")
        state.commit(state.press(.key("a")))
        #expect(state.selectedState?.status == .acknowledged)
        guard let change = state.lastChange else {
            Issue.record("no change kept for undo")
            return
        }
        let effects = state.press(.key("u"))
        #expect(effects == [.undo(change)])
        state.commit(effects)
        #expect(state.selectedState?.status == .open)
        #expect(state.lastChange == nil)
        #expect(state.message?.text.hasPrefix("Undone: ") == true)
    }

    @Test func tickingAndAnnotatingSteps() {
        var state = TestAlerts.console()
        state.press(.tab, .tab, .key("j"))
        let tick = state.press(.key(" "))
        let step = StepKey(index: 1, title: "Review the roles the profile can hand out")
        #expect(tick == [.applyTriage(.setStepDone(step, true), targets: state.targeting("aaaa1111-profile"))])
        state.commit(tick)
        #expect(
            state.press(.key(" ")) == [
                .applyTriage(.setStepDone(step, false), targets: state.targeting("aaaa1111-profile"))
            ])

        state.press(.enter)
        #expect(state.prompt == .stepNote(uuid: "aaaa1111-profile", step: step, TextInput()))
        let note = state.type("AdminAccess is too broad\n")
        #expect(
            note == [
                .applyTriage(
                    .setStepNote(step, "AdminAccess is too broad"), targets: state.targeting("aaaa1111-profile"))
            ])
        state.commit(note)
        let screen = state.screen.joined(separator: "\n")
        #expect(screen.contains("[x] 2. Review the roles"))
        #expect(screen.contains("note: AdminAccess is too broad"))
    }

    @Test func bulkActionConfirmsAndTargetsTheFilteredList() {
        var state = TestAlerts.console()
        state.press(.key("F"), .key("j"), .enter)  // Create User rule: three alerts
        state.press(.key("b"))
        #expect(
            state.prompt == .bulkMenu(targets: ["cccc3333-ec2", "bbbb2222-fp", "dddd4444-hostile"], scope: "filtered"))
        #expect(state.press(.key("a")).isEmpty)
        #expect(state.screen.last?.hasPrefix("Set acknowledged for 3 alerts? y/n") == true)
        #expect(state.press(.key("n")).isEmpty)
        #expect(state.prompt == nil)

        state.press(.key("b"), .key("a"))
        let effects = state.press(.key("y"))
        #expect(
            effects == [
                .applyTriage(
                    .setStatus(.acknowledged),
                    targets: state.targeting("cccc3333-ec2", "bbbb2222-fp", "dddd4444-hostile"))
            ])
        state.commit(effects)
        #expect(state.state(of: "aaaa1111-profile")?.status == .open)
        #expect(state.state(of: "dddd4444-hostile")?.status == .acknowledged)
    }

    @Test func bulkCloseUsesMarkedAlertsAndAsksAfterTheReason() {
        var state = TestAlerts.console()
        state.press(.key("j"), .key(" "), .key(" "))  // marks ec2 and fp, selection moves on
        #expect(state.marks.count == 2)
        state.press(.key("b"))
        #expect(state.prompt == .bulkMenu(targets: ["cccc3333-ec2", "bbbb2222-fp"], scope: "marked"))
        state.press(.key("c"), .key("2"))
        state.type("provisioning pipeline\n")
        #expect(
            state.prompt
                == .confirmBulk(
                    .close(.benignTruePositive, reason: "provisioning pipeline"),
                    targets: ["cccc3333-ec2", "bbbb2222-fp"]))
        let effects = state.press(.key("y"))
        #expect(
            effects == [
                .applyTriage(
                    .close(.benignTruePositive, reason: "provisioning pipeline"),
                    targets: state.targeting("cccc3333-ec2", "bbbb2222-fp"))
            ])
        #expect(state.marks.isEmpty)
    }

    @Test func appliedChangesRecordAnalystAndTime() {
        var state = TestAlerts.console()
        state.commit(state.press(.key("r")), time: 42)
        #expect(state.lastChange?.audit.first?.analyst == "analyst1")
        #expect(state.lastChange?.audit.first?.time == 42)
    }
}
