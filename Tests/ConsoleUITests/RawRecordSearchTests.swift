import ConsoleTestSupport
import TerminalGrid
import Testing
import TrailTriageJSON
import TriageModel

@testable import ConsoleUI

/// `/` in the raw view searches the record itself: every match highlighted, the cursor on the
/// first, `n`/`N` stepping with wrap-around, the count on the status line, Esc clearing.
@Suite struct RawRecordSearchTests {
    static let record = #"""
        {"eventName":"CreateProfile","userIdentity":{"arn":"arn:aws:iam::1:role/Admin"},
        "requestParameters":{"roleArns":["arn:aws:iam::1:role/A","arn:aws:iam::1:role/B"]},
        "sourceIPAddress":"203.0.113.9"}
        """#

    /// A console with the raw view open on `record` (as read again from its file).
    static func rawConsole(size: TerminalSize = TerminalSize(rows: 24, columns: 100)) throws -> ConsoleState {
        var state = RawRecordTests.locatedConsole(index: 0, size: size)
        state.press(.key("R"))
        state.didReadOriginalRecord(.success(try JSONParser.parse(record)), uuid: TestAlerts.profile.uuid)
        return state
    }

    /// The text of the raw view's cursor line.
    static func cursorLine(_ state: ConsoleState) -> String {
        state.rawLines?[state.rawCursor].text ?? ""
    }

    @Test func slashSearchesTheRecordNotTheListAndJumpsToTheFirstMatch() throws {
        var state = try Self.rawConsole()
        let listedBefore = state.visible
        state.press(.key("/"))
        #expect(state.prompt == .rawSearch(TextInput("")))
        state.type("role/")
        // Typing jumps as it goes; the alert list is not filtered.
        #expect(Self.cursorLine(state).contains("role/Admin"))
        #expect(state.message?.text == "match 1 of 3 for \"role/\"")
        state.press(.enter)
        #expect(state.prompt == nil)
        #expect(state.visible == listedBefore)
        #expect(state.filter.text == nil)
        #expect(state.message?.text == "match 1 of 3 for \"role/\"")
    }

    @Test func everyMatchIsHighlightedOnScreen() throws {
        var state = try Self.rawConsole()
        state.press(.key("/"))
        state.type("ROLE/")
        state.press(.enter)
        let lines = state.overlayLines(width: 98)
        let highlighted = lines.flatMap(\.spans).filter { $0.style == .highlight }.map(\.text)
        // Case is ignored, and the text shown keeps the record's own case.
        #expect(highlighted == ["role/", "role/", "role/"])
        // The cursor line is drawn selected around its highlighted match.
        let cursor = lines.first { line in line.spans.contains { $0.style == .selected } }
        #expect(cursor?.text.contains("role/Admin") == true)
    }

    @Test func nAndShiftNStepAndWrap() throws {
        var state = try Self.rawConsole()
        state.press(.key("/"))
        state.type("role/")
        state.press(.enter)
        state.press(.key("n"))
        #expect(Self.cursorLine(state).contains("role/A\""))
        #expect(state.message?.text == "match 2 of 3 for \"role/\"")
        state.press(.key("n"))
        #expect(Self.cursorLine(state).contains("role/B"))
        state.press(.key("n"))
        #expect(Self.cursorLine(state).contains("role/Admin"))
        #expect(state.message?.text == "match 1 of 3 for \"role/\" (wrapped to the top)")
        state.press(.key("N"))
        #expect(Self.cursorLine(state).contains("role/B"))
        #expect(state.message?.text == "match 3 of 3 for \"role/\" (wrapped to the bottom)")
    }

    @Test func noMatchSaysSoAndEscClearsTheHighlightsBeforeClosing() throws {
        var state = try Self.rawConsole()
        state.press(.key("/"))
        state.type("nothing-like-this")
        #expect(state.message?.text == "no match for \"nothing-like-this\"")
        state.press(.enter)
        state.press(.key("n"))
        #expect(state.message?.text == "no match for \"nothing-like-this\"")
        state.press(.escape)
        #expect(state.overlay != nil)
        state.press(.key("/"))
        state.type("203.0")
        state.press(.enter)
        #expect(Self.cursorLine(state).contains("203.0.113.9"))
        state.press(.escape)
        #expect(state.rawQuery == nil)
        #expect(state.overlay != nil)
        #expect(!state.overlayLines(width: 98).flatMap(\.spans).contains { $0.style == .highlight })
        state.press(.escape)
        #expect(state.overlay == nil)
    }

    @Test func escInThePromptClearsTheSearch() throws {
        var state = try Self.rawConsole()
        state.press(.key("/"))
        state.type("arn")
        state.press(.escape)
        #expect(state.prompt == nil)
        #expect(state.rawQuery == nil)
        #expect(state.overlay != nil)
    }

    @Test func aMatchBelowTheScreenIsScrolledIntoView() throws {
        var state = try Self.rawConsole(size: TerminalSize(rows: 15, columns: 60))
        state.press(.key("/"))
        state.type("203.0.113.9")
        state.press(.enter)
        #expect(state.overlayScroll > 0)
        #expect(state.screen.contains { $0.contains("203.0.113.9") }, "\(state.screen.joined(separator: "\n"))")
    }
}

/// `|` hands the raw record to `$PAGER`, and `y` copies the highlighted line's value; both
/// carry the escaped text the view shows.
@Suite struct RawRecordPagerAndCopyTests {
    static let hostile = #"{"eventName":"CreateUser","userAgent":"curl\u001b]0;pwned\u0007","n":7}"#

    @Test func pipeSendsTheEscapedViewTextToThePager() throws {
        var state = try RawRecordSearchTests.rawConsole()
        state.didReadOriginalRecord(.success(try JSONParser.parse(Self.hostile)), uuid: TestAlerts.profile.uuid)
        let effects = state.press(.key("|"))
        guard case .page(let text)? = effects.first else {
            Issue.record("no pager effect: \(effects)")
            return
        }
        #expect(text.contains(#""userAgent": "curl\u{1B}]0;pwned\u{7}""#))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func pipeFromTheDetailPaneReadsTheRecordThenPagesIt() throws {
        var state = RawRecordTests.locatedConsole()
        state.press(.tab)
        let effects = state.press(.key("|"))
        #expect(effects == [.readOriginalRecord(uuid: TestAlerts.profile.uuid, file: "logs/trail.json", index: 3)])
        let after = state.didReadOriginalRecord(
            .success(try JSONParser.parse(Self.hostile)), uuid: TestAlerts.profile.uuid)
        guard case .page(let text)? = after.first else {
            Issue.record("no pager effect after the read: \(after)")
            return
        }
        #expect(text.hasPrefix("Original CloudTrail record"))
        // A later R does not page again.
        state.press(.escape, .key("R"))
        #expect(
            state.didReadOriginalRecord(.success(try JSONParser.parse(Self.hostile)), uuid: TestAlerts.profile.uuid)
                .isEmpty)
    }

    @Test func yCopiesTheHighlightedValueEscapedAndSaysWhat() throws {
        var state = try RawRecordSearchTests.rawConsole()
        state.didReadOriginalRecord(.success(try JSONParser.parse(Self.hostile)), uuid: TestAlerts.profile.uuid)
        // The heading line holds no value.
        #expect(state.press(.key("y")).isEmpty)
        #expect(state.message?.kind == .warning)
        state.press(.key("/"))
        state.type("userAgent")
        state.press(.enter)
        let effects = state.press(.key("y"))
        #expect(effects == [.copy(text: #"curl\u{1B}]0;pwned\u{7}"#)])
        #expect(state.message?.text.hasPrefix("Copied") == true)
        #expect(state.message?.text.contains("pwned") == true)
        state.press(.key("j"), .key("y"))
        #expect(state.message?.text.hasSuffix(": 7") == true)
    }
}
