import ConsoleTestSupport
import TerminalGrid
import Testing

@testable import ConsoleUI

/// The note editor and prompts edit anywhere in the text: cursor keys, line and word moves,
/// deleting on either side, whole graphemes only.
@Suite struct TextInputTests {
    @Test func theNoteEditorEditsInTheMiddle() {
        var state = TestAlerts.console()
        state.commit(state.press(.key("m")))
        state.type("role used from CI\nsecond line")
        // Up to the first line's word "used", then insert before it.
        state.press(.home)
        #expect(noteInput(state)?.cursor == "role used from CI\n".count)
        state.press(.left, .control("b"), .control("b"), .control("b"))
        #expect(noteInput(state)?.cursor == "role ".count)
        state.type("was ")
        state.press(.end)
        state.type("!")
        state.press(.control("a"), .delete)
        #expect(noteInput(state)?.text == "ole was used from CI!\nsecond line")
        state.press(.control("f"), .backspace)
        #expect(noteInput(state)?.text == "ol was used from CI!\nsecond line")
        // The cursor is drawn where it is.
        #expect(state.screen.contains { $0.contains("ol▏ was used from CI!") })
    }

    @Test func graphemesStayWhole() {
        var input = TextInput("café 👩‍👩‍👧")
        input.moveLeft()
        input.deleteBackward()
        #expect(input.text == "café👩‍👩‍👧", "the space before the emoji went, not half of it")
        input.moveWordLeft()
        #expect(input.cursor == 0)
        input.moveWordRight()
        #expect(input.cursor == 4)
        input.insert("e")
        input.insert("\u{301}")
        #expect(input.text == "café" + "e\u{301}" + "👩‍👩‍👧")
        #expect(input.cursor == 5, "the combining accent joined the e before it")
    }

    private func noteInput(_ state: ConsoleState) -> TextInput? {
        if case .note(_, let input)? = state.prompt { return input }
        return nil
    }
}
