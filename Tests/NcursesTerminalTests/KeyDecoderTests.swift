import CNcursesw
import TerminalGrid
import Testing

@testable import NcursesTerminal

@Suite struct KeyDecoderTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var status: Int32
        var code: UInt32
        var expected: KeyEvent?
        var testDescription: String {
            let kind = status == OK ? "char" : status == KEY_CODE_YES ? "key" : "err"
            return "\(kind) 0x\(String(code, radix: 16)) → \(expected.map { $0.label } ?? "nil")"
        }
    }

    static func character(_ code: UInt32, _ expected: KeyEvent?) -> Row {
        Row(status: OK, code: code, expected: expected)
    }

    static func key(_ code: Int32, _ expected: KeyEvent?) -> Row {
        Row(status: KEY_CODE_YES, code: UInt32(bitPattern: code), expected: expected)
    }

    static let characters: [Row] = [
        character(0x6A, .character("j")),
        character(0x20, .character(" ")),
        character(0x3F, .character("?")),
        character(0xE9, .character("é")),
        character(0x65E5, .character("日")),
        character(0x1F600, .character("😀")),
        character(0x0D, .enter),
        character(0x0A, .enter),
        character(0x09, .tab),
        character(0x7F, .backspace),
        character(0x08, .backspace),
        character(0x1B, .escape),
        character(0x01, .control("a")),
        character(0x02, .control("b")),
        character(0x06, .control("f")),
        character(0x0C, .control("l")),
        character(0x03, .control("c")),
        character(0x1A, .control("z")),
        character(0x00, nil),
        character(0x1C, nil),
        character(0x1F, nil),
        character(0x85, nil),
        character(0x9B, nil),
        character(0x202E, nil),
        character(0xD800, nil),
    ]

    static let keyCodes: [Row] = [
        key(KEY_UP, .up), key(KEY_DOWN, .down), key(KEY_LEFT, .left), key(KEY_RIGHT, .right),
        key(KEY_PPAGE, .pageUp), key(KEY_NPAGE, .pageDown), key(KEY_A3, .pageUp), key(KEY_C3, .pageDown),
        key(KEY_HOME, .home), key(KEY_FIND, .home), key(KEY_A1, .home),
        key(KEY_END, .end), key(KEY_SELECT, .end), key(KEY_C1, .end), key(KEY_LL, .end),
        key(KEY_ENTER, .enter), key(KEY_BTAB, .backTab), key(KEY_BACKSPACE, .backspace),
        key(KEY_DC, .delete), key(KEY_RESIZE, .resize),
        key(KEY_F0 + 1, .function(1)), key(KEY_F0 + 5, .function(5)), key(KEY_F0 + 12, .function(12)),
        key(KEY_F0, nil), key(KEY_MOUSE, nil), key(KEY_F0 + 64, nil),
    ]

    @Test(arguments: characters)
    func decodesCharacters(_ row: Row) {
        #expect(KeyDecoder.decode(status: row.status, code: row.code) == row.expected)
    }

    @Test(arguments: keyCodes)
    func decodesKeyCodes(_ row: Row) {
        #expect(KeyDecoder.decode(status: row.status, code: row.code) == row.expected)
    }

    @Test func functionKeysMatchTheKEY_FMacro() {
        for number in 1...12 {
            #expect(
                KeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(cnc_KEY_F(Int32(number)))) == .function(number))
        }
    }

    @Test func mouseReportsBecomeClicksAndWheelTurns() {
        #expect(
            KeyDecoder.decodeMouse(buttons: cnc_BUTTON1_PRESSED(), row: 4, column: 9)
                == .mouse(MouseEvent(.press, row: 4, column: 9)))
        #expect(
            KeyDecoder.decodeMouse(buttons: cnc_BUTTON1_CLICKED(), row: 1, column: 2)
                == .mouse(MouseEvent(.press, row: 1, column: 2)))
        #expect(
            KeyDecoder.decodeMouse(buttons: cnc_BUTTON4_PRESSED(), row: 0, column: 0)
                == .mouse(MouseEvent(.wheelUp, row: 0, column: 0)))
        #expect(
            KeyDecoder.decodeMouse(buttons: cnc_BUTTON5_PRESSED(), row: 0, column: 0)
                == .mouse(MouseEvent(.wheelDown, row: 0, column: 0)))
        // A release or another button is nothing the console uses.
        #expect(KeyDecoder.decodeMouse(buttons: 0, row: 0, column: 0) == nil)
    }

    @Test func timeoutIsNoKey() {
        #expect(KeyDecoder.decode(status: ERR, code: 0) == nil)
        #expect(KeyDecoder.decode(status: ERR, code: 0x6A) == nil)
    }
}
