import ConsoleTestSupport
import TerminalGrid
import Testing
import TriageModel

@testable import ConsoleUI

@Suite struct OverlayTests {
    @Test func helpListsEveryKeymapEntry() {
        var state = TestAlerts.console()
        state.press(.key("?"))
        #expect(state.overlay == .help)
        let help = state.overlayLines(width: 118).map(\.text)
        for binding in Keymap.standard.bindings {
            let listed = help.contains { line in
                line.contains(binding.description) && line.contains(binding.key.label)
            }
            #expect(listed, "help lacks \(binding.key.label) → \(binding.description)")
        }
        for context in KeyContext.allCases {
            #expect(help.contains(context.title))
        }
        state.press(.escape)
        #expect(state.overlay == nil)
    }

    @Test func hintBarComesFromTheKeymap() {
        let state = TestAlerts.console()
        let bar = state.screen.last ?? ""
        #expect(bar.contains("j/k:move"))
        #expect(bar.contains("?:help"))
        #expect(bar.contains("Enter:open"))
        #expect(bar.contains("Space:mark"))
    }

    @Test func rawRecordOverlayScrolls() {
        var state = TestAlerts.console(size: TerminalSize(rows: 24, columns: 80))
        state.press(.key("R"))
        guard case .raw(let rawLines)? = state.overlay, case let lines = rawLines.map(\.text) else {
            Issue.record("raw overlay not open")
            return
        }
        #expect(lines.first == "Highlighted by the rule")
        #expect(lines.contains { $0.contains("\"aws.cloudtrail.flattened.request_parameters.roleArns\": [") })
        #expect(state.screen[1].contains("Raw record"))
        // j moves the highlighted line; the view scrolls only when it would leave the screen.
        state.press(.key("j"), .key("j"))
        #expect(state.rawCursor == 2)
        #expect(state.overlayScroll == 0)
        state.press(.key("G"))
        #expect(state.overlayScroll == state.maxOverlayScroll)
        #expect(state.screen[22].contains(" of "))
        state.press(.key("q"))
        #expect(state.overlay == nil)
        // q closed the view; it did not quit.
        #expect(state.prompt == nil)
    }

    @Test func relatedActivityHighlightsFollowUpsAndMarksTheAlert() {
        var state = TestAlerts.console()
        state.press(.enter, .enter)
        #expect(state.overlay == .related(window: 2))
        let lines = state.overlayLines(width: 118)
        let anchor = lines.first { $0.text.contains("CreateTrustAnchor") }
        let role = lines.first { $0.text.contains("CreateRole") }
        let own = lines.first { $0.text.contains("CreateProfile") && $0.text.contains("▶") }
        let describe = lines.first { $0.text.contains("DescribeInstances") }
        #expect(anchor?.spans.first?.style == .highlight)
        #expect(role?.spans.first?.style == .highlight)
        #expect(own?.spans.first?.style == .emphasis)
        #expect(describe?.spans.first?.style == .normal)
        // Time order.
        let rows = lines.filter {
            $0.text.contains("2026-") && !$0.text.hasPrefix("First") && !$0.text.hasPrefix("Window")
        }
        let order = ["CreateTrustAnchor", "CreateProfile", "CreateRole", "DescribeInstances"].compactMap { action in
            rows.firstIndex { $0.text.contains(action) }
        }
        #expect(order.count == 4)
        #expect(order == order.sorted())
        #expect(
            lines.contains {
                $0.text.contains(
                    "First seen doing CreateProfile: 2026-03-10 09:00:00 UTC (this alert's event: first time)")
            })
    }

    @Test func relatedWindowNarrows() {
        var state = TestAlerts.console()
        state.press(.key("A"), .key("w"))  // ±1h
        #expect(state.overlay == .related(window: 0))
        #expect(state.overlayLines(width: 118).contains { $0.text.contains("DescribeInstances") })
        state.press(.key("w"), .key("w"))
        #expect(state.overlay == .related(window: 2))
    }
}
