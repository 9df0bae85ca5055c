import ConsoleTestSupport
import TerminalGrid
import Testing

@testable import ConsoleUI

/// The raw record view's bottom line names the raw view's keys, not the alert list's.
@Suite struct RawViewHintTests {
    private func statusLine(_ state: ConsoleState) -> String {
        state.screen[state.size.rows - 1]
    }

    @Test func theHintBarListsTheRawViewsKeys() throws {
        let state = try RawRecordSearchTests.rawConsole(size: TerminalSize(rows: 24, columns: 120))
        let hints = statusLine(state)
        #expect(hints.contains("j/k:move /:search n/N:match y:copy |:pager Esc:back"), "\(hints)")
        for listKey in ["r:reviewed", "Tab:pane", "s:sort", "c:close", "w:window", "Enter:open event"] {
            #expect(!hints.contains(listKey), "\(listKey) is a list or related-view key")
        }
    }

    @Test func everyHintedKeyWorksInTheRawView() throws {
        var state = try RawRecordSearchTests.rawConsole()
        state.press(.key("j"))
        #expect(state.rawCursor == 1)
        state.press(.key("/"))
        guard case .rawSearch? = state.prompt else {
            Issue.record("/ did not open the record's search")
            return
        }
        state.type("eventName")
        state.press(.enter, .key("n"))
        #expect(state.message?.text.hasPrefix("match") == true)
        #expect(state.press(.key("y")).first.map { if case .copy = $0 { true } else { false } } == true)
        #expect(state.press(.key("|")).first.map { if case .page = $0 { true } else { false } } == true)
        state.press(.escape, .escape)
        #expect(state.overlay == nil)
        // Back on the list, the list's hints return.
        #expect(statusLine(state).contains("Tab:pane"))
    }

    @Test func helpListsTheRawViewsKeysUnderItsOwnHeading() {
        let help = Keymap.standard.helpLines()
        let start = help.firstIndex(of: "Raw record view")
        #expect(start != nil)
        if let start {
            let section = help[start...].prefix { !$0.isEmpty }
            #expect(section.contains { $0.contains("y") && $0.contains("copy the highlighted line's value") })
            #expect(section.contains { $0.contains("|") && $0.contains("$PAGER") })
        }
    }
}
