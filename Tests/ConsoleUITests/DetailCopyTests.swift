import ConsoleTestSupport
import TerminalGrid
import Testing
import TrailTriageJSON
import TriageModel

@testable import ConsoleUI

/// `y` in the detail pane: a field cursor moved by j/k, the highlighted value copied escaped
/// through the same effect as the raw view's, and the status line naming what was copied.
@Suite struct DetailCopyTests {
    /// The console with the hostile alert (the latest) selected and the detail pane focused.
    private func hostileDetail() -> ConsoleState {
        var state = TestAlerts.console()
        state.press(.key("G"), .tab)
        #expect(state.selectedUUID == TestAlerts.hostile.uuid)
        #expect(state.focus == .detail)
        return state
    }

    /// Presses j until `y` copies the field named `label`; the effects of that `y`.
    private func copy(_ label: String, in state: inout ConsoleState) -> [ConsoleEffect] {
        for _ in 0..<80 {
            let effects = state.press(.key("y"))
            if state.message?.text.hasPrefix("Copied \(label) ") == true { return effects }
            state.press(.key("j"))
        }
        Issue.record("no field \(label) in the detail pane")
        return []
    }

    @Test func yCopiesTheHighlightedFieldAndSaysWhichOne() {
        var state = hostileDetail()
        let effects = copy("userName", in: &state)
        #expect(effects == [.copy(text: "svc-backup")])
        #expect(state.message?.text == "Copied userName (10 characters): svc-backup")
        state.press(.key("j"), .key("y"))
        #expect(state.message?.text.hasPrefix("Copied userName") == false)
    }

    @Test func hostileValueIsCopiedEscapedAsShown() throws {
        var state = hostileDetail()
        let effects = copy("user agent", in: &state)
        guard case .copy(let text)? = effects.first else {
            Issue.record("no copy effect: \(effects)")
            return
        }
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{202E}" })
        #expect(text.contains("curl/8.0"))
        #expect(text == UnsafeText.visible("curl/8.0 \u{1B}[31mred\u{1B}[0m \u{202E}gnp.exe"))
        #expect(state.message.map { !$0.text.unicodeScalars.contains { $0.value < 0x20 } } == true)
    }

    @Test func theCursorIsDrawnOnTheFieldAndFollowsItOffScreen() {
        var state = TestAlerts.console(size: TerminalSize(rows: 24, columns: 80))
        state.press(.key("G"), .tab)
        let layout = state.layout
        func highlightedRows(_ state: ConsoleState) -> [String] {
            let buffer = ConsoleRenderer.render(state, size: state.size)
            let column = layout.detail.left + layout.detail.width / 2
            return (layout.detail.top..<layout.detail.bottom).filter { buffer[$0, column].style == .selected }
                .map { buffer.textLines[$0] }
        }
        #expect(highlightedRows(state).count == 1)
        // The last field (the alert id) is far below the pane at 80x24: G scrolls it into view.
        state.press(.key("G"))
        let rows = highlightedRows(state)
        #expect(rows.count == 1)
        #expect(rows.first?.contains("alert id") == true)
        // Back in the list, no field is highlighted.
        state.press(.escape)
        #expect(highlightedRows(state).isEmpty)
    }

    @Test func aNewSelectionPutsTheCursorBackOnTheFirstField() {
        var state = hostileDetail()
        state.press(.key("j"), .key("j"))
        #expect(state.detailCursor == 2)
        state.press(.escape, .key("k"), .tab)
        #expect(state.detailCursor == 0)
    }

    @Test func yOutsideTheDetailPaneAndRawViewCopiesNothing() {
        var state = TestAlerts.console()
        #expect(state.press(.key("y")).isEmpty)
        #expect(state.perform(.copyValue).isEmpty)
        #expect(state.message?.kind == .warning)
    }

    @Test func helpAndHintsNameTheDetailPanesCopyKey() {
        let keymap = Keymap.standard
        #expect(keymap.hints(for: [.detail, .global]).contains("y:copy"))
        #expect(keymap.helpLines().contains { $0.contains("y") && $0.contains("copy the highlighted field's value") })
    }
}
