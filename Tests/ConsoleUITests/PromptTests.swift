import CaseNotes
import ConsoleTestSupport
import TerminalGrid
import Testing
import TriageModel

@testable import ConsoleUI

@Suite struct PromptTests {
    @Test func noteEditorTakesMultiLineUTF8AndSaves() {
        var state = TestAlerts.console()
        state.commit(state.press(.key("m")))
        #expect(state.prompt == .note(uuid: "aaaa1111-profile", TextInput()))
        // q and j are text here, not commands.
        state.type("Überprüft: 日本語 OK 👍🏽\nquery j")
        state.press(.backspace)
        let effects = state.press(.control("d"))
        #expect(
            effects == [
                .applyTriage(
                    .setNotes(
                        """
                        Überprüft: 日本語 OK 👍🏽\nquery 
                        """), targets: state.targeting("aaaa1111-profile"))
            ])
        state.commit(effects)
        #expect(state.selectedState?.notes == "Überprüft: 日本語 OK 👍🏽\nquery ")
        #expect(!state.hasUnsavedNotes)
    }

    @Test func escKeepsAnUnsavedDraftAndQuitAsks() {
        var state = TestAlerts.console()
        state.commit(state.press(.key("m")))
        state.type("half a thought")
        #expect(state.press(.escape).isEmpty)
        #expect(state.prompt == nil)
        #expect(state.selectedState?.notes == "")
        #expect(state.drafts["aaaa1111-profile"] == "half a thought")
        let detail = DetailContent.lines(
            for: TestAlerts.profile, state: .untouched, draft: state.drafts["aaaa1111-profile"], width: 70)
        #expect(detail.contains { $0.text == "Notes (unsaved draft; m to resume)" })
        #expect(detail.contains { $0.text == "  half a thought" })

        #expect(state.press(.key("q")).isEmpty)
        #expect(state.prompt == .quit)
        #expect(state.press(.key("n")).isEmpty)
        #expect(state.prompt == nil)
        // m resumes the draft.
        state.commit(state.press(.key("m")))
        #expect(state.prompt == .note(uuid: "aaaa1111-profile", TextInput("half a thought")))
        state.press(.escape, .key("q"))
        #expect(state.press(.key("y")) == [.quit])
    }

    @Test func escWithoutChangesLeavesNoDraftAndQuitIsImmediate() {
        var state = TestAlerts.console()
        state.commit(state.press(.key("m")))
        state.press(.escape)
        #expect(state.drafts.isEmpty)
        #expect(state.press(.key("q")) == [.quit])
    }

    @Test func exportAsksForAPathAndAboutOverwriting() {
        var state = TestAlerts.console()
        state.press(.key("e"))
        #expect(state.prompt == .exportPath(targets: ["aaaa1111-profile"], TextInput("case-notes-aaaa1111.md")))
        state.press(.backspace, .backspace)
        let effects = state.type("json\n")
        #expect(
            effects == [
                .export(uuids: ["aaaa1111-profile"], format: .json, path: "case-notes-aaaa1111.json", overwrite: false)
            ])
        state.didExport(.exists(path: "case-notes-aaaa1111.json"))
        #expect(state.prompt == .overwrite(targets: ["aaaa1111-profile"], path: "case-notes-aaaa1111.json"))
        #expect(state.screen.last?.hasPrefix("case-notes-aaaa1111.json exists. Overwrite? y/n") == true)
        let again = state.press(.key("y"))
        #expect(
            again == [
                .export(uuids: ["aaaa1111-profile"], format: .json, path: "case-notes-aaaa1111.json", overwrite: true)
            ])
        state.didExport(.written(path: "case-notes-aaaa1111.json", count: 1))
        #expect(state.message?.text == "Exported 1 alert to case-notes-aaaa1111.json")
    }

    @Test func declinedOverwriteAsksForAnotherName() {
        var state = TestAlerts.console()
        state.press(.key("E"))
        guard case .exportPath(let targets, _)? = state.prompt else {
            Issue.record("no export prompt")
            return
        }
        #expect(targets.count == 4)
        state.press(.enter)
        state.didExport(.exists(path: "case-notes-2026-03-13-4-alerts.md"))
        state.press(.key("n"))
        #expect(state.prompt == .exportPath(targets: targets, TextInput("case-notes-2026-03-13-4-alerts.md")))
        state.press(.escape)
        #expect(state.prompt == nil)
    }

    @Test func failedExportIsReported() {
        var state = TestAlerts.console()
        state.didExport(.failed(path: "/nope/x.md", reason: "no such directory"))
        #expect(state.message == StatusMessage("Export to /nope/x.md failed: no such directory", kind: .error))
    }

    @Test func quitWithoutDraftsLeavesAtOnce() {
        var state = TestAlerts.console()
        #expect(state.press(.key("q")) == [.quit])
    }
}
