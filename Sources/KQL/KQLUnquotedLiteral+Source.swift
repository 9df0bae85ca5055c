extension KQLUnquotedLiteral {
    /// KQL text that scans back to exactly these literal runs around `*` wildcards: a field name
    /// (one run) or a wildcard pattern.
    ///
    /// Besides the characters the scanner treats specially (`\ ( ) : < > " * { }`), the text must
    /// survive how the scanner ends a literal and splits it into `Character`s:
    /// - tabs and line breaks are written as `\t`, `\r`, `\n`, and a space at either end as
    ///   `\u0020`, since unescaped whitespace there is not part of the literal;
    /// - a keyword at the start or after a space (`x and y*`) is escaped (`x \and y*`), or it
    ///   would end the literal;
    /// - a mark that could join the character next to it is written as `\uXXXX`
    ///   (see ``Unicode/Scalar/needsEscapeInKQLText``), so it cannot merge with an escape's
    ///   backslash. A character that holds its marks already (`e` with an accent, a space with
    ///   one) is written as it is: the scanner reads it as one character, which is not whitespace.
    static func source(segments: [String]) -> String {
        var characters: [(character: Character, isWildcard: Bool)] = []
        for (index, segment) in segments.enumerated() {
            if index > 0 { characters.append(("*", true)) }
            characters.append(contentsOf: segment.map { ($0, false) })
        }
        var result = ""
        for (index, (character, isWildcard)) in characters.enumerated() {
            if isWildcard {
                result += "*"
            } else if KQLParser.escapableInUnquoted.contains(character) {
                result += "\\" + String(character)
            } else if let escape = controlEscapes[character] {
                result += escape
            } else if character == " " && (index == 0 || index == characters.count - 1) {
                result += "\\u0020"
            } else {
                let followsSpace = index > 0 && characters[index - 1] == (" ", false)
                if (index == 0 || followsSpace) && startsKeyword(in: characters, at: index) {
                    result += "\\"
                }
                result += escapingJoiners(character)
            }
        }
        return result
    }

    private static let controlEscapes: [Character: String] = [
        "\t": "\\t", "\n": "\\n", "\r": "\\r", "\r\n": "\\r\\n",
    ]

    /// Whether `and`, `or` or `not` (any case) starts at `index` and ends where the scanner would
    /// take it for a keyword: at whitespace, a parenthesis or the end of the literal.
    private static func startsKeyword(in characters: [(character: Character, isWildcard: Bool)], at index: Int) -> Bool
    {
        for word in ["and", "or", "not"] {
            let end = index + word.count
            guard end <= characters.count else { continue }
            let matches = zip(characters[index..<end], word).allSatisfy { pair in
                !pair.0.isWildcard && pair.0.character.lowercased() == String(pair.1)
            }
            guard matches else { continue }
            guard end < characters.count else { return true }
            let next = characters[end]
            let isBoundary = next.character.isKQLWhitespace || next.character == "(" || next.character == ")"
            if !next.isWildcard && isBoundary {
                return true
            }
        }
        return false
    }

    /// `character` as text for an unquoted literal: as it is, unless it could merge with the
    /// text written before or after it (it starts with a joining mark or ends with a prepended
    /// one), in which case its marks are escaped.
    private static func escapingJoiners(_ character: Character) -> String {
        let scalars = character.unicodeScalars
        // Such a character is all marks: splitting it cannot expose a character the scanner treats
        // specially.
        let joinsBefore = scalars.first.map { $0.needsEscapeInKQLText && !$0.isPrependedConcatenationMark } == true
        let joinsAfter = scalars.last?.isPrependedConcatenationMark == true
        guard joinsBefore || joinsAfter || scalars.count == 1 else { return String(character) }
        var text = ""
        for scalar in scalars {
            if let escaped = KQLExactValue.escapedScalar(scalar) {
                text += escaped
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }
}

extension KQLExactValue {
    /// The escape a rendering writes for `scalar`, or `nil` when it is written as it is.
    ///
    /// Tabs and line breaks are written as `\t`, `\r`, `\n`; marks that could join an ASCII
    /// character next to them as `\uXXXX`.
    static func escapedScalar(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\t": return "\\t"
        case "\n": return "\\n"
        case "\r": return "\\r"
        default:
            guard scalar.needsEscapeInKQLText else { return nil }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}

extension Unicode.Scalar {
    /// Whether this scalar, written raw, could merge into one `Character` with the ASCII text a
    /// rendering puts beside it (a quote, a backslash, a star), which would change how it parses.
    ///
    /// Combining marks, joiners and spacing marks attach to the character before them; prepended
    /// concatenation marks attach to the one after. Only scalars `\uXXXX` can write (the Basic
    /// Multilingual Plane, minus surrogates, which are never scalars) are escaped.
    var needsEscapeInKQLText: Bool {
        guard value > 0x7F, value <= 0xFFFF else { return false }
        if properties.isGraphemeExtend || value == 0x200D { return true }
        switch properties.generalCategory {
        case .spacingMark, .enclosingMark, .nonspacingMark:
            return true
        default:
            return isPrependedConcatenationMark
        }
    }

    /// Whether this is one of the Basic Multilingual Plane's scalars of Unicode's grapheme break
    /// class Prepend, which join the character after them.
    var isPrependedConcatenationMark: Bool {
        Self.prependedConcatenationMarks.contains(value)
    }

    private static let prependedConcatenationMarks: Set<UInt32> = [
        0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x0D4E,
    ]
}
