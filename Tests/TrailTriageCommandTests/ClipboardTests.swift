import Foundation
import Testing

@testable import trailtriage

/// `y` sends OSC 52: the value base64-encoded, so nothing in it can end the sequence.
@Suite struct ClipboardTests {
    @Test func osc52CarriesTheValueBase64Encoded() {
        let bytes = Clipboard.sequence(for: "arn:aws:iam::1:role/A", underTmux: false)
        let expected = "\u{1B}]52;c;" + Data("arn:aws:iam::1:role/A".utf8).base64EncodedString() + "\u{07}"
        #expect(bytes == Array(expected.utf8))
    }

    @Test func noControlCharacterOfTheValueReachesTheTerminal() {
        let value = "evil\u{1B}]0;title\u{07}\u{1B}\\\n"
        for underTmux in [false, true] {
            let bytes = Clipboard.sequence(for: value, underTmux: underTmux)
            let controls = bytes.filter { $0 < 0x20 }
            // Only the sequence's own framing: ESC ] … BEL, and under tmux ESC P … ESC \ with the
            // inner escape doubled.
            #expect(controls == (underTmux ? [0x1B, 0x1B, 0x1B, 0x07, 0x1B] : [0x1B, 0x07]))
            #expect(String(decoding: bytes, as: UTF8.self).contains(Data(value.utf8).base64EncodedString()))
        }
    }

    @Test func underTmuxTheSequenceIsWrappedForPassthrough() {
        let text = String(decoding: Clipboard.sequence(for: "x", underTmux: true), as: UTF8.self)
        #expect(text == "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;eA==\u{07}\u{1B}\\")
    }
}
