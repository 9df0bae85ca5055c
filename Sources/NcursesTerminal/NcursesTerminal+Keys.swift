internal import CNcursesw
import TerminalGrid

extension NcursesTerminal {
    /// Home/End sequences that terminals send but terminfo entries often omit (the entry lists
    /// one form; xterm, rxvt, tmux and the Linux console disagree). Bound only where the
    /// sequence is free, so terminfo's own binding wins.
    static let extraKeySequences: [(sequence: String, code: Int32)] = [
        ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME), ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME),
        ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END), ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END),
    ]

    /// Asks the terminal for button-1 presses and wheel turns, reported at once (no wait to
    /// tell a click from a double click).
    static func enableMouse() {
        let mask = cnc_BUTTON1_PRESSED() | cnc_BUTTON1_CLICKED() | cnc_BUTTON4_PRESSED() | cnc_BUTTON5_PRESSED()
        _ = mousemask(mask, nil)
        _ = mouseinterval(0)
    }

    static func defineExtraKeys() {
        for (sequence, code) in extraKeySequences where key_defined(sequence) == 0 {
            define_key(sequence, code)
        }
    }

    /// Waits up to `timeoutMilliseconds` (a negative value waits indefinitely) for a key.
    ///
    /// Returns `nil` when the time passes without a key, and also for keys the console has no
    /// meaning for (mouse reports, unknown codes), which the run loop treats like a timeout.
    /// A character made of several scalars (an accented letter typed as base plus combining
    /// mark, a flag, a pasted emoji sequence) arrives as one ``KeyEvent/character(_:)``.
    public func readKey(timeoutMilliseconds: Int) -> KeyEvent? {
        wtimeout(window, Int32(clamping: max(-1, timeoutMilliseconds)))
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if status == KEY_CODE_YES, Int32(bitPattern: code) == KEY_MOUSE {
            var report = MEVENT()
            guard getmouse(&report) == OK else { return nil }
            return KeyDecoder.decodeMouse(buttons: report.bstate, row: Int(report.y), column: Int(report.x))
        }
        guard let event = KeyDecoder.decode(status: status, code: code) else { return nil }
        guard case .character(let character) = event else { return event }
        return .character(joiningPendingScalars(onto: character))
    }

    /// Appends scalars already waiting in the input that belong to the same grapheme cluster,
    /// and pushes the first one that does not back for the next read.
    private func joiningPendingScalars(onto character: Character) -> Character {
        var text = String(character)
        wtimeout(window, 0)
        while true {
            var code: wint_t = 0
            let status = wget_wch(window, &code)
            if status == OK, let scalar = Unicode.Scalar(code), CellGlyph.isDrawable(scalar),
                !UnicodeScalarSet.isControlKey(scalar)
            {
                var candidate = text
                candidate.unicodeScalars.append(scalar)
                if candidate.count == 1 {
                    text = candidate
                    continue
                }
            }
            pushBack(status: status, code: code)
            break
        }
        return text.first ?? character
    }

    /// Drops a KEY_RESIZE waiting at the front of the input, leaving anything else in place.
    func discardQueuedResize() {
        wtimeout(window, 0)
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if status == KEY_CODE_YES && Int32(bitPattern: code) == KEY_RESIZE { return }
        pushBack(status: status, code: code)
    }

    private func pushBack(status: Int32, code: wint_t) {
        if status == OK {
            unget_wch(wchar_t(bitPattern: code))
        } else if status == KEY_CODE_YES {
            ungetch(Int32(bitPattern: code))
        }
    }
}

/// Scalars that are keys in their own right even though Swift would group them with a
/// preceding character (CR LF is one grapheme cluster).
private enum UnicodeScalarSet {
    static func isControlKey(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }
}
