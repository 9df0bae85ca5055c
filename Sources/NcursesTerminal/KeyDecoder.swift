internal import CNcursesw
import TerminalGrid

/// Decodes what `wget_wch` returned into a ``KeyEvent``. A pure function, so the whole key
/// table is tested without a terminal.
enum KeyDecoder {
    /// `status` is `wget_wch`'s return value: `OK` for a character in `code`, `KEY_CODE_YES`
    /// for an ncurses key code, `ERR` for a timeout. Returns `nil` for a timeout and for keys
    /// the console has no use for (mouse events, unknown codes, stray C1 controls).
    static func decode(status: Int32, code: UInt32) -> KeyEvent? {
        switch status {
        case OK:
            return decodeCharacter(code)
        case KEY_CODE_YES:
            return decodeKeyCode(Int32(bitPattern: code))
        default:
            return nil
        }
    }

    /// A mouse report's button bits and cell as a ``MouseEvent``; `nil` for reports the console
    /// does not use (releases, other buttons, motion).
    static func decodeMouse(buttons: mmask_t, row: Int, column: Int) -> KeyEvent? {
        let kind: MouseEvent.Kind
        if buttons & cnc_BUTTON4_PRESSED() != 0 {
            kind = .wheelUp
        } else if buttons & cnc_BUTTON5_PRESSED() != 0 {
            kind = .wheelDown
        } else if buttons & (cnc_BUTTON1_PRESSED() | cnc_BUTTON1_CLICKED()) != 0 {
            kind = .press
        } else {
            return nil
        }
        return .mouse(MouseEvent(kind, row: row, column: column))
    }

    private static func decodeCharacter(_ code: UInt32) -> KeyEvent? {
        switch code {
        // nonl() makes Enter arrive as CR; LF still comes from Ctrl-J and some terminals.
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        // Terminals disagree on Backspace: DEL (most), BS (some, and Ctrl-H).
        case 0x7F, 0x08: return .backspace
        case 0x1B: return .escape
        case 0x01...0x1A:
            // 0x01 is Ctrl-A; the letters above are Ctrl-H/I/J/M, handled above.
            guard let letter = Unicode.Scalar(code + 0x60) else { return nil }
            return .control(Character(letter))
        case 0x00...0x1F, 0x80...0x9F:
            return nil  // Ctrl-@, Ctrl-\ … Ctrl-_ and C1 controls: nothing to bind, never printable
        default:
            guard let scalar = Unicode.Scalar(code), CellGlyph.isDrawable(scalar) else { return nil }
            return .character(Character(scalar))
        }
    }

    private static func decodeKeyCode(_ code: Int32) -> KeyEvent? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        // KEY_A3/KEY_C3 are the keypad's PgUp/PgDn corners.
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        // VT220-style keypads send Find/Select where Home/End sit (xterm's \E[1~ and \E[4~),
        // and the keypad corners KEY_A1/KEY_C1 are Home/End with Num Lock off.
        case KEY_HOME, KEY_FIND, KEY_A1: return .home
        case KEY_END, KEY_SELECT, KEY_C1, KEY_LL: return .end
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_RESIZE: return .resize
        default:
            let number = code - KEY_F0
            // KEY_F0 + 63 is the last function key ncurses reserves.
            if (1...63).contains(number) { return .function(Int(number)) }
            return nil
        }
    }
}
