import Glibc
import TerminalGrid
import Testing

@testable import NcursesTerminal

/// Keys typed into a pipe the headless screen reads from: the whole path through ncurses'
/// escape-sequence matching, UTF-8 decoding and `KeyDecoder`.
extension HeadlessScreenTests {
    /// Starts a headless screen reading `input`, and returns every key until a read times out.
    func keys(typing input: [UInt8]) throws -> [KeyEvent] {
        var descriptors: [Int32] = [0, 0]
        try #require(pipe(&descriptors) == 0)
        defer { close(descriptors[1]) }
        let written = input.withUnsafeBytes { write(descriptors[1], $0.baseAddress, $0.count) }
        try #require(written == input.count)
        // The terminal owns the read end from here and closes it.
        let terminal = try NcursesTerminal(headlessRows: 5, columns: 20, inputDescriptor: descriptors[0])
        var events: [KeyEvent] = []
        while let event = terminal.readKey(timeoutMilliseconds: 200), events.count < 64 {
            events.append(event)
        }
        return events
    }

    @Test func multiByteUTF8ArrivesAsOneCharacter() throws {
        let events = try keys(typing: Array("é日😀x".utf8))
        #expect(events == [.character("é"), .character("日"), .character("😀"), .character("x")])
    }

    @Test func combiningSequencesArriveAsOneCharacter() throws {
        let events = try keys(typing: Array("e\u{301}a🇫🇷".utf8))
        #expect(events == [.character("e\u{301}"), .character("a"), .character("🇫🇷")])
    }

    @Test func controlKeysAndEnter() throws {
        let events = try keys(typing: [0x6A, 0x0D, 0x09, 0x7F, 0x06, 0x02, 0x0C, 0x20])
        #expect(
            events == [
                .character("j"), .enter, .tab, .backspace, .control("f"), .control("b"), .control("l"), .character(" "),
            ])
    }

    @Test func escapeSequencesBecomeKeys() throws {
        let sequences = [
            "\u{1B}OA", "\u{1B}OB", "\u{1B}[5~", "\u{1B}[6~", "\u{1B}[Z", "\u{1B}[3~", "\u{1B}OP", "\u{1B}[15~",
        ]
        let events = try keys(typing: Array(sequences.joined().utf8))
        #expect(events == [.up, .down, .pageUp, .pageDown, .backTab, .delete, .function(1), .function(5)])
    }

    @Test func homeAndEndInTheirCommonForms() throws {
        let home = ["\u{1B}OH", "\u{1B}[H", "\u{1B}[1~", "\u{1B}[7~"]
        let end = ["\u{1B}OF", "\u{1B}[F", "\u{1B}[4~", "\u{1B}[8~"]
        let events = try keys(typing: Array((home + end).joined().utf8))
        #expect(events == Array(repeating: .home, count: 4) + Array(repeating: .end, count: 4))
    }

    @Test func aLoneEscapeIsTheEscapeKey() throws {
        #expect(try keys(typing: [0x1B]) == [.escape])
    }

    @Test func noInputIsATimeout() throws {
        #expect(try keys(typing: []) == [])
    }
}
