extension KQLParser {
    /// Scans an unquoted literal (a field name or a value) starting at the current position.
    ///
    /// The literal may contain spaces. It ends at an unescaped `( ) : < > " { }`, before whitespace
    /// followed by a keyword, or at the end of input; whitespace around it is not part of it. The
    /// result is empty when the text starts with a keyword, which callers report as an error.
    mutating func scanUnquoted() throws(KQLSyntaxError) -> KQLUnquotedLiteral {
        var literal = KQLUnquotedLiteral()
        if startsKeyword(at: position) {
            return literal
        }
        while let character = current {
            if character == "\\" {
                try scanUnquotedEscape(into: &literal)
            } else if character == "*" {
                literal.append(character, isWildcard: true)
                position += 1
            } else if Self.valueTerminators.contains(character) {
                break
            } else if character.isKQLWhitespace {
                var next = position
                while next < characters.count && characters[next].isKQLWhitespace {
                    next += 1
                }
                // Whitespace only belongs to the literal when more literal text follows it.
                if next == characters.count || Self.valueTerminators.contains(characters[next])
                    || startsKeyword(at: next)
                {
                    break
                }
                literal.append(contentsOf: characters[position..<next])
                position = next
            } else {
                literal.append(character)
                position += 1
            }
        }
        return literal
    }

    /// Decodes the escape sequence at the current backslash.
    private mutating func scanUnquotedEscape(into literal: inout KQLUnquotedLiteral) throws(KQLSyntaxError) {
        let backslash = position
        guard backslash + 1 < characters.count else {
            throw syntaxError("a trailing '\\' must be escaped as '\\\\'", at: backslash)
        }
        let next = characters[backslash + 1]
        if Self.escapableInUnquoted.contains(next) {
            literal.append(next)
            position += 2
        } else if isEscapedNot(at: backslash + 1) {
            // Checked before `\n` so `\not` keeps the spec's meaning, a literal "not".
            literal.append(contentsOf: characters[(backslash + 1)..<(backslash + 4)])
            position += 4
        } else if let control = Self.controlEscapes[next] {
            literal.append(control)
            position += 2
        } else if next == "u" {
            guard let scalar = unicodeEscape(at: backslash) else {
                throw syntaxError("expected four hexadecimal digits of a valid code point after '\\u'", at: backslash)
            }
            literal.append(Character(scalar))
            position += 6
        } else if let keyword = ["and", "or"].first(where: { matchesWord($0, at: backslash + 1) }) {
            literal.append(contentsOf: characters[(backslash + 1)..<(backslash + 1 + keyword.count)])
            position += 1 + keyword.count
        } else {
            throw syntaxError(
                "unsupported escape sequence '\\\(next)'; a literal backslash is written '\\\\'", at: backslash)
        }
    }

    /// `\not` escapes the keyword only when the word ends there; `\note` is `\n` followed by "ote".
    private func isEscapedNot(at index: Int) -> Bool {
        guard matchesWord("not", at: index) else {
            return false
        }
        let after = index + 3
        return after >= characters.count || !characters[after].isLetter
    }

    private static let controlEscapes: [Character: Character] = ["t": "\t", "r": "\r", "n": "\n"]

    /// The scalar written as `\uXXXX` at `backslash`, or `nil` when the digits are missing or invalid.
    private func unicodeEscape(at backslash: Int) -> Unicode.Scalar? {
        let start = backslash + 2
        guard start + 4 <= characters.count else {
            return nil
        }
        var value: UInt32 = 0
        for character in characters[start..<(start + 4)] {
            guard let digit = character.hexDigitValue, character.isASCII else {
                return nil
            }
            value = value * 16 + UInt32(digit)
        }
        return Unicode.Scalar(value)
    }

    /// Scans a double-quoted string starting at the current `"` and returns its decoded content.
    ///
    /// Recognised escapes are `\" \\ \t \r \n \uXXXX`; as in Kibana, any other backslash is kept
    /// as a literal character.
    mutating func scanQuoted() throws(KQLSyntaxError) -> String {
        let open = position
        position += 1
        var text = ""
        while let character = current {
            switch character {
            case "\"":
                position += 1
                return text
            case "\\":
                let next = position + 1 < characters.count ? characters[position + 1] : nil
                if let next, next == "\"" || next == "\\" {
                    text.append(next)
                    position += 2
                } else if let next, let control = Self.controlEscapes[next] {
                    text.append(control)
                    position += 2
                } else if next == "u", let scalar = unicodeEscape(at: position) {
                    text.unicodeScalars.append(scalar)
                    position += 6
                } else {
                    text.append(character)
                    position += 1
                }
            default:
                text.append(character)
                position += 1
            }
        }
        throw syntaxError("unterminated quoted string", at: open)
    }
}
