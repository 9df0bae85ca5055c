import ConsoleTestSupport
import TerminalGrid
import Testing
import TriageModel

@testable import ConsoleUI

/// Ctrl-X in the note editor hands the draft to `$EDITOR` and takes back what it left.
@Suite struct ExternalEditorTests {
    /// A console with the note editor open on the selected alert, "first line" typed.
    static func editing() -> (ConsoleState, String) {
        var state = TestAlerts.console()
        state.commit(state.press(.key("m")))
        state.type("first line")
        return (state, state.selectedRecord?.uuid ?? "")
    }

    @Test func ctrlXHandsTheDraftToTheEditorAndTheEditedTextComesBack() {
        var (state, uuid) = Self.editing()
        #expect(state.press(.control("x")) == [.editNote(uuid: uuid, text: "first line")])
        // What a fake editor that appends a line leaves (with the newline editors add).
        state.didEditNote(.success("first line\nadded by the editor\n"), uuid: uuid)
        #expect(state.prompt == .note(uuid: uuid, TextInput("first line\nadded by the editor")))
        #expect(state.message?.text.contains("Ctrl-D saves") == true)
        // Still a draft until saved.
        state.press(.escape)
        #expect(state.drafts[uuid] == "first line\nadded by the editor")
    }

    @Test func aFailingEditorKeepsTheDraftAndSaysSo() {
        var (state, uuid) = Self.editing()
        state.press(.control("x"))
        state.didEditNote(.failure(ExternalEditFailure(reason: "vi exited with status 1")), uuid: uuid)
        #expect(state.prompt == .note(uuid: uuid, TextInput("first line")))
        #expect(state.message?.kind == .error)
        #expect(state.message?.text.contains("draft is unchanged") == true)
    }
}
