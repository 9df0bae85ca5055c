/// A compiled regular expression (from an `RLIKE` Lucene pattern or a `GROK` pattern), matched on
/// Unicode scalars with `.` matching line breaks too.
///
/// `Regex` is not declared `Sendable`; this wrapper is, because the regex is built once, never
/// mutated, and only matched against (the standard library compiles it lazily behind an atomic).
struct ESQLCompiledRegex: @unchecked Sendable {
    let regex: Regex<AnyRegexOutput>
    /// The pattern as written in the query, for messages.
    let source: String

    init(translated: String, source: String) throws(ESQLPatternError) {
        do {
            regex = try Regex(translated).matchingSemantics(.unicodeScalar).dotMatchesNewlines()
        } catch {
            throw ESQLPatternError(message: "invalid regular expression \"\(source)\": \(error)")
        }
        self.source = source
    }

    /// `RLIKE`: the whole value must match.
    func wholeMatches(_ text: String) -> Bool {
        (try? regex.wholeMatch(in: text)) != nil
    }

    /// Compiles a Lucene regular expression as `RLIKE` reads it: whole-string; `.` `?` `+` `*` `|`
    /// `()` `[]` `{}` as usual, `"…"` a literal string, `@` any string, `#` the empty language, and
    /// a backslash escaping any character. Lucene's `&`, `~` and `<n-m>` operators are refused.
    static func lucene(_ pattern: String) throws(ESQLPatternError) -> ESQLCompiledRegex {
        var output = ""
        let scalars = Array(pattern.unicodeScalars)
        var index = 0
        var inClass = false
        func literal(_ scalar: Unicode.Scalar) -> String {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || !scalar.isASCII {
                return String(Character(scalar))
            }
            return "\\" + String(Character(scalar))
        }
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "\\" {
                guard index < scalars.count else {
                    throw ESQLPatternError(message: "RLIKE pattern \"\(pattern)\" ends with a lone backslash")
                }
                let next = scalars[index]
                index += 1
                if ["d", "D", "s", "S", "w", "W"].contains(next) {
                    output += "\\" + String(Character(next))
                } else {
                    output += literal(next)
                }
                continue
            }
            if inClass {
                if scalar == "]" {
                    inClass = false
                    output += "]"
                } else if scalar == "^" || scalar == "-" {
                    output += String(Character(scalar))
                } else {
                    output += literal(scalar)
                }
                continue
            }
            switch scalar {
            case "[":
                inClass = true
                output += "["
                if index < scalars.count, scalars[index] == "^" {
                    output += "^"
                    index += 1
                }
            case ".", "?", "+", "*", "|", "(", ")", "{", "}":
                output += String(Character(scalar))
            case "\"":
                guard let close = scalars[index...].firstIndex(of: "\"") else {
                    throw ESQLPatternError(message: "RLIKE pattern \"\(pattern)\" has an unclosed quoted string")
                }
                output += "(?:" + scalars[index..<close].map(literal).joined() + ")"
                index = close + 1
            case "@":
                output += "(?:.*)"
            case "#":
                output += "(?!)"
            case "&", "~", "<", ">":
                throw ESQLPatternError(
                    message: "the Lucene regular expression operator \"\(scalar)\" (in RLIKE \"\(pattern)\") "
                        + "is not supported")
            default:
                output += literal(scalar)
            }
        }
        guard !inClass else {
            throw ESQLPatternError(message: "RLIKE pattern \"\(pattern)\" has an unclosed character class")
        }
        return try ESQLCompiledRegex(translated: output, source: pattern)
    }
}

/// A pattern (LIKE, RLIKE, GROK, DISSECT) that cannot be compiled; the parser adds the position.
struct ESQLPatternError: Error {
    var message: String
}
