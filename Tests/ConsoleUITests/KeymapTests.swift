import ConsoleTestSupport
import Foundation
import TerminalGrid
import Testing

@testable import ConsoleUI

@Suite struct KeymapTests {
    @Test func everyBindingIsUniqueWithinItsContext() {
        var seen: Set<String> = []
        for binding in Keymap.standard.bindings {
            let id = "\(binding.context.rawValue) \(binding.key.label)"
            #expect(seen.insert(id).inserted, "\(id) bound twice")
        }
    }

    @Test func contextsOverrideGlobalBindings() {
        let keymap = Keymap.standard
        #expect(keymap.command(for: .character(" "), in: [.list, .global]) == .toggleMark)
        #expect(keymap.command(for: .character(" "), in: [.sidebar, .global]) == .tickStep)
        #expect(keymap.command(for: .enter, in: [.detail, .global]) == .showRelated)
        #expect(keymap.command(for: .character("q"), in: [.overlay, .global]) == .back)
        #expect(keymap.command(for: .character("q"), in: [.list, .global]) == .quit)
        #expect(keymap.command(for: .character("n"), in: [.choice]) == .deny)
        #expect(keymap.command(for: .character("x"), in: [.textInput]) == nil)
    }

    @Test func analystKeysFromTheNotesAreBound() {
        let keymap = Keymap.standard
        let expected: [(KeyEvent, ConsoleAction)] = [
            (.character("j"), .moveDown), (.down, .moveDown), (.character("k"), .moveUp), (.up, .moveUp),
            (.character("g"), .top), (.home, .top), (.character("G"), .bottom), (.end, .bottom),
            (.control("f"), .pageDown), (.pageDown, .pageDown), (.control("b"), .pageUp), (.pageUp, .pageUp),
            (.character("/"), .search), (.character("n"), .nextMatch), (.character("N"), .previousMatch),
            (.tab, .nextPane), (.backTab, .previousPane), (.escape, .back), (.character("?"), .showHelp),
            (.character("r"), .toggleReviewed), (.character("a"), .acknowledge), (.character("c"), .close),
            (.character("o"), .reopen), (.character("m"), .editNote), (.character("u"), .undo),
            (.character("e"), .exportSelected), (.character("R"), .showRaw), (.character("v"), .showRaw),
            (.character("A"), .showRelated), (.character("s"), .cycleSort), (.character("f"), .cycleStatusFilter),
            (.character("F"), .pickRule), (.character("q"), .quit), (.control("l"), .redraw),
            (.character(":"), .commandLine), (.character("t"), .toggleTimeDisplay), (.character("z"), .zoomPane),
            (.right, .scrollRight), (.left, .scrollLeft),
        ]
        for (key, command) in expected {
            #expect(keymap.command(for: key, in: [.list, .global]) == command, "\(key.label)")
        }
    }

    @Test func everyCommandRunsOnEmptyOneAndManyAlertStates() {
        let commands: [ConsoleAction] = [
            .moveDown, .moveUp, .top, .bottom, .pageDown, .pageUp, .nextPane, .previousPane, .open, .toggleMark,
            .toggleReviewed, .acknowledge, .close, .reopen, .editNote, .tickStep, .editStepNote, .bulkAction, .undo,
            .exportSelected, .exportFiltered, .showRaw, .showRelated, .showHelp, .cycleWindow, .search, .nextMatch,
            .previousMatch, .cycleStatusFilter, .pickRule, .cycleSeverityFilter, .cycleSort, .submit, .confirm,
            .deny, .deleteBackward, .newline, .saveNote, .choose(1), .redraw, .back, .quit, .commandLine, .complete,
            .toggleTimeDisplay, .zoomPane, .scrollLeft, .scrollRight,
        ]
        for alerts in [[], [TestAlerts.profile], TestAlerts.all] {
            for command in commands {
                for size in [TerminalSize(rows: 24, columns: 80), TerminalSize(rows: 10, columns: 40)] {
                    var state = ConsoleState(alerts: alerts, analyst: "a", now: 0, size: size)
                    _ = state.perform(command)
                    #expect(state.selection >= 0 && state.selection <= max(0, state.visible.count - 1))
                    let screen = ConsoleRenderer.render(state, size: size)
                    #expect(screen.size == size)
                }
            }
        }
    }

    /// README's Keys table is written by hand; this keeps it naming every key outside prompts.
    @Test func readmeKeysTableNamesEveryBinding() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        guard let start = text.range(of: "### Keys"), let end = text.range(of: "### Narrowing down") else {
            Issue.record("README has no Keys section before the command line section")
            return
        }
        let table = String(text[start.upperBound..<end.lowerBound])
        for binding in Keymap.standard.bindings
        where [.global, .list, .detail, .sidebar, .overlay].contains(binding.context) {
            let label = binding.key.label
            let written =
                label.count == 1 && label != "↓" && label != "↑" && label != "←" && label != "→" ? "`\(label)`" : label
            #expect(table.contains(written), "README's Keys table does not mention \(written) (\(binding.description))")
        }
    }
}
