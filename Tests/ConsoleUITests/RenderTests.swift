import ConsoleTestSupport
import Foundation
import TerminalGrid
import Testing
import TrailTriageJSON
import TriageModel

@testable import ConsoleUI

@Suite struct RenderTests {
    private let wide = TerminalSize(rows: 40, columns: 120)

    @Test func createProfileShowsKeyParametersAndTrustAnchors() {
        let state = TestAlerts.console(size: wide)
        let buffer = ConsoleRenderer.render(state, size: wide)
        assertSnapshot(buffer, named: "createProfile-120x40")
        let text = buffer.textLines.joined(separator: "\n")
        #expect(text.contains("roleArns         arn:aws:iam::111122223333:role/AdminAccess"))
        #expect(text.contains("                 arn:aws:iam::111122223333:role/S3Export"))
        #expect(text.contains("trustAnchorArn   not in this event"))
        #expect(text.contains("durationSeconds  43200 (12h)"))
        #expect(text.contains("userName         not in this event"))
        #expect(text.contains("partner-ca · CERTIFICATE_BUNDLE · same actor"))
    }

    @Test func anEngineAlertTheReCheckDisputesIsFlaggedInTheListAndSaysWhy() {
        var flat = TestAlerts.instance.flatJSON
        flat["trailtriage.recheck.disagreements"] = .array([.string("the rule's query does not match this record")])
        let disputed = AlertRecord(
            uuid: "eeee5555-disputed", rule: TestAlerts.instance.rule, originalTime: TestAlerts.instance.originalTime,
            flatJSON: flat)
        let state = ConsoleState(
            alerts: [disputed, TestAlerts.profile], states: [:], analyst: "a", now: 1_773_400_000_000, size: wide)
        let lines = state.screen
        let flaggedRows = lines.filter { $0.hasPrefix("!") }
        #expect(flaggedRows.count == 1)
        #expect(flaggedRows.first?.contains("CreateUser") == true)
        let disputedSelected = state.alerts[state.visible[state.selection]].uuid == disputed.uuid
        var shown = state
        if !disputedSelected { shown.press(.key("j")) }
        let text = shown.screen.joined(separator: "\n")
        #expect(text.contains("Re-check disagrees with the engine"))
        #expect(text.contains("the rule's query does not match this record"))
    }

    @Test func keyParametersKeepTheirRowsForEveryAlert() {
        var state = TestAlerts.console(size: wide)
        state.press(.key("j"))  // CreateUser: one role row fewer than CreateProfile
        let lines = state.screen
        guard let start = lines.firstIndex(where: { $0.contains("Request parameters") }) else {
            Issue.record("no request parameters section")
            return
        }
        let labels = lines[(start + 1)...(start + 5)].map { String($0.dropFirst(3).prefix(16)).trimmingCharacters() }
        #expect(labels == ["roleArns", "trustAnchorArn", "durationSeconds", "userName", "name"])
        #expect(lines[start + 1].contains("not in this event"))
        #expect(lines[start + 4].contains("svc-backup"))
    }

    @Test func createUserShowsTheInstancePatternFalsePositive() {
        var state = TestAlerts.console(size: wide)
        state.press(.key("j"), .key("j"))
        #expect(state.selectedUUID == "bbbb2222-fp")
        let buffer = ConsoleRenderer.render(state, size: wide)
        assertSnapshot(buffer, named: "createUser-false-positive-120x40")
        let text = buffer.textLines.joined(separator: "\n")
        #expect(text.contains("! Known false-positive shape: session"))
        let hint = SidebarContent.hintForStep(record: TestAlerts.patternFalsePositive)
        #expect(hint?.step == 1)
        #expect(hint?.style == .warning)
        #expect(hint?.text.contains("\"build-42\" is not an EC2 instance id") == true)
    }

    @Test func realInstanceSessionIsConfirmed() {
        var state = TestAlerts.console(size: wide)
        state.press(.key("j"))
        #expect(state.screen.joined().contains("session name \"i-0a1b2c3d4e5f60718\" is"))
        #expect(SidebarContent.hintForStep(record: TestAlerts.instance)?.style == .success)
    }

    @Test func hostileUserAgentIsShownEscaped() {
        var state = TestAlerts.console(size: wide)
        state.press(.key("G"))
        let buffer = ConsoleRenderer.render(state, size: wide)
        assertSnapshot(buffer, named: "hostile-user-agent-120x40")
        let text = buffer.textLines.joined(separator: "\n")
        #expect(text.contains(#"curl/8.0 \u{1B}[31mred\u{1B}[0m \u{202E}gnp.exe"#))
        // No cell holds an escape or an override, and the value is styled as escaped.
        #expect(
            !buffer.cells.contains { cell in
                cell.character.map { $0.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E } } ?? false
            })
        guard let row = buffer.textLines.firstIndex(where: { $0.contains("user_agent.orig") }),
            let found = buffer.text(ofRow: row).range(of: "curl/")
        else {
            Issue.record("user agent not on screen")
            return
        }
        let column = buffer.text(ofRow: row).distance(from: buffer.text(ofRow: row).startIndex, to: found.lowerBound)
        #expect(buffer[row, column].style == .escaped)
    }

    @Test func standardTerminalSize() {
        let size = TerminalSize(rows: 24, columns: 80)
        let state = TestAlerts.console(size: size)
        assertSnapshot(ConsoleRenderer.render(state, size: size), named: "list-80x24")
    }

    @Test func tooSmallTerminalSaysSo() {
        let size = TerminalSize(rows: 10, columns: 40)
        let buffer = ConsoleRenderer.render(TestAlerts.console(size: size), size: size)
        assertSnapshot(buffer, named: "too-small-40x10")
        #expect(buffer.textLines.contains { $0.contains("terminal too small") })
        #expect(buffer.textLines.contains { $0.contains("(need 60x15, have 40x10)") })
        let roomy = TerminalSize(rows: 14, columns: 100)
        #expect(
            ConsoleRenderer.render(TestAlerts.console(size: roomy), size: roomy).textLines.contains {
                $0.contains("terminal too small (need 60x15, have 100x14)")
            })
    }

    @Test func severityColoursAndSelection() {
        let state = TestAlerts.console(size: wide)
        let buffer = ConsoleRenderer.render(state, size: wide)
        // Row 2 is the first alert (selected); the last alert row is high severity.
        #expect(buffer[2, 0].style == .selected)
        let columns = state.listColumns
        let severityColumn = 2 + columns.time + 1
        #expect(buffer[5, severityColumn].style == .severityHigh)
        #expect(buffer[3, severityColumn].style == .severityMedium)
    }

    @Test func loadingProgressIsShown() {
        var state = ConsoleState(alerts: [], analyst: "a", now: 0, size: wide)
        state.progress = LoadingProgress(files: 3, filesTotal: 8, records: 1500)
        let screen = state.screen
        #expect(screen[0].contains("loading: 3 of 8 files, 1500 records read"))
        #expect(screen[2].contains("Loading…"))
    }

    @Test func wideCharactersAreClippedByDisplayWidth() {
        var state = TestAlerts.console(size: TerminalSize(rows: 24, columns: 80))
        state.commit(state.press(.key("m")))
        state.type("日本語のメモ " + String(repeating: "長", count: 60))
        state.press(.control("d"))
        var copy = state
        copy.commit([
            .applyTriage(
                .setNotes("日本語のメモ " + String(repeating: "長", count: 60)),
                targets: copy.targeting(
                    """
                    aaaa1111-profile
                    """))
        ])
        copy.press(.tab, .key("G"))
        let buffer = ConsoleRenderer.render(copy, size: copy.size)
        let layout = ConsoleLayout(size: copy.size)
        for row in 0..<buffer.size.rows {
            // The separator column is never overwritten by half of a wide character.
            if row >= layout.detail.top && row < layout.detail.bottom {
                #expect(buffer[row, layout.separatorColumn].character == "│")
            }
            // Every wide character keeps its right half in the next cell.
            for column in 0..<buffer.size.columns where buffer[row, column].character.map(DisplayWidth.of) == 2 {
                #expect(column + 1 < buffer.size.columns && buffer[row, column + 1].character == nil)
            }
        }
        #expect(buffer.textLines.joined().contains("日本語のメモ"))
    }

    @Test func textLayoutMeasuresEscapedText() {
        #expect(TextLayout.width(of: "日本") == 4)
        #expect(TextLayout.width(of: "a\u{1B}") == 7)  // a + \u{1B}
        #expect(TextLayout.fit("日本語", 5) == "日本…")
        #expect(TextLayout.fit("ab", 4) == "ab  ")
        #expect(
            TextLayout.clipMiddle("arn:aws:sts::111122223333:assumed-role/api-deployer/build-42", 30)
                == "arn:aws:sts…-deployer/build-42")
        #expect(TextLayout.wrap("one two three", width: 7) == ["one two", "three"])
        #expect(TextLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextLayout.wrap("a\nb", width: 4, newlines: true) == ["a", "b"])
    }
}

extension String {
    fileprivate func trimmingCharacters() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
