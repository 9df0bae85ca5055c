/// Knowledge of Unicode scalars that can change how surrounding text is displayed while being
/// invisible themselves. Shared by the JSON writer, the table output and the console, so every
/// output path agrees on what must be made visible.
public enum UnsafeText {
    /// Bidirectional controls, zero-width characters, line/paragraph separators and other
    /// format characters that can hide or reorder text.
    public static func isInvisibleOrDirectional(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C,  // Arabic letter mark
            0x115F, 0x1160,  // Hangul fillers render as nothing
            0x180E,  // Mongolian vowel separator
            0x200B...0x200F,  // zero-width space/joiners, LRM, RLM
            0x2028, 0x2029,  // line and paragraph separators
            0x202A...0x202E,  // bidi embeddings and overrides
            0x2060...0x2064,  // word joiner, invisible operators
            0x2066...0x2069,  // bidi isolates
            0x206A...0x206F,  // deprecated format characters
            0x3164,  // Hangul filler
            0xFEFF,  // zero-width no-break space
            0xFFF9...0xFFFB,  // interlinear annotation controls
            0xE0000...0xE007F:  // tag characters
            return true
        default:
            return false
        }
    }

    /// C0 and C1 control characters and DEL.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }

    /// Whether `scalar` must never be written raw to a terminal or a text export.
    public static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar) || isInvisibleOrDirectional(scalar)
    }

    /// `text` with every unsafe scalar replaced by a visible `\u{…}`-style marker (`\n`, `\t`
    /// and `\r` shown as such, and a backslash doubled so markers cannot be forged).
    public static func visible(_ text: String) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where needsEscaping(scalar) || scalar == "\\" {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if needsEscaping(scalar) {
                    output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }
}
