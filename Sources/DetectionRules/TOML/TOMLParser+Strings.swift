extension TOMLParser {
    /// Parses `"basic"`; the cursor is on the opening quote.
    mutating func parseBasicString() throws(TOMLError) -> String {
        let start = position
        advance()
        var result = String.UnicodeScalarView()
        while true {
            guard let scalar = peek() else { throw TOMLError("unterminated string", at: start) }
            switch scalar {
            case "\"":
                advance()
                return String(result)
            case "\\":
                result.append(try parseEscape())
            case "\n", "\r":
                throw TOMLError("unterminated string: a basic string cannot span lines (use \"\"\")", at: start)
            default:
                if Self.isControl(scalar) { throw error("\(Self.describe(scalar)) must be escaped in a string") }
                result.append(scalar)
                advance()
            }
        }
    }

    /// Parses `'literal'`; the cursor is on the opening quote.
    mutating func parseLiteralString() throws(TOMLError) -> String {
        let start = position
        advance()
        var result = String.UnicodeScalarView()
        while true {
            guard let scalar = peek() else { throw TOMLError("unterminated literal string", at: start) }
            switch scalar {
            case "'":
                advance()
                return String(result)
            case "\n", "\r":
                throw TOMLError("unterminated literal string: it cannot span lines (use ''')", at: start)
            default:
                if Self.isControl(scalar) { throw error("\(Self.describe(scalar)) is not allowed in a literal string") }
                result.append(scalar)
                advance()
            }
        }
    }

    /// Parses `"""…"""`, returning the content and where it starts.
    mutating func parseMultilineBasicString() throws(TOMLError) -> (TOMLValue, SourcePosition) {
        let start = position
        advance(by: 3)
        // A newline right after the opener is not part of the content.
        _ = try consumeNewline()
        let contentStart = position
        var result = String.UnicodeScalarView()
        while true {
            guard let scalar = peek() else { throw TOMLError("unterminated multi-line string", at: start) }
            switch scalar {
            case "\"":
                if let closing = try closeMultiline(quote: "\"") {
                    result.append(contentsOf: closing)
                    return (.string(String(result)), contentStart)
                }
                result.append(scalar)
                advance()
            case "\\":
                if try skipLineEndingBackslash() { continue }
                result.append(try parseEscape())
            case "\n":
                result.append("\n")
                advance()
            case "\r":
                // TOML lets parsers normalise newlines; "\n" keeps query line arithmetic simple.
                guard try consumeNewline() else { throw error("a carriage return must be followed by a newline") }
                result.append("\n")
            default:
                if Self.isControl(scalar) { throw error("\(Self.describe(scalar)) must be escaped in a string") }
                result.append(scalar)
                advance()
            }
        }
    }

    /// Parses `'''…'''`, returning the content and where it starts.
    mutating func parseMultilineLiteralString() throws(TOMLError) -> (TOMLValue, SourcePosition) {
        let start = position
        advance(by: 3)
        _ = try consumeNewline()
        let contentStart = position
        var result = String.UnicodeScalarView()
        while true {
            guard let scalar = peek() else { throw TOMLError("unterminated multi-line literal string", at: start) }
            switch scalar {
            case "'":
                if let closing = try closeMultiline(quote: "'") {
                    result.append(contentsOf: closing)
                    return (.string(String(result)), contentStart)
                }
                result.append(scalar)
                advance()
            case "\n":
                result.append("\n")
                advance()
            case "\r":
                guard try consumeNewline() else { throw error("a carriage return must be followed by a newline") }
                result.append("\n")
            default:
                if Self.isControl(scalar) { throw error("\(Self.describe(scalar)) is not allowed in a literal string") }
                result.append(scalar)
                advance()
            }
        }
    }

    /// At a quote inside a multi-line string: if a run of three to five quotes closes the string,
    /// consumes the run and returns the one or two quotes that belong to the content.
    /// Returns `nil` (consuming nothing) for a run of one or two quotes.
    mutating func closeMultiline(quote: Unicode.Scalar) throws(TOMLError) -> String.UnicodeScalarView? {
        var run = 0
        while peek(run) == quote { run += 1 }
        guard run >= 3 else { return nil }
        guard run <= 5 else { throw error("too many quotes at the end of a multi-line string") }
        var extra = String.UnicodeScalarView()
        for _ in 0..<(run - 3) { extra.append(quote) }
        advance(by: run)
        return extra
    }

    /// A backslash followed by optional whitespace and a newline removes everything up to the
    /// next non-whitespace character; returns whether that happened.
    mutating func skipLineEndingBackslash() throws(TOMLError) -> Bool {
        var offset = 1
        while let scalar = peek(offset), scalar == " " || scalar == "\t" { offset += 1 }
        let next = peek(offset)
        guard next == "\n" || (next == "\r" && peek(offset + 1) == "\n") else { return false }
        advance(by: offset)
        while true {
            skipWhitespace()
            if try !consumeNewline() { return true }
        }
    }

    /// Parses an escape sequence; the cursor is on the backslash.
    mutating func parseEscape() throws(TOMLError) -> Unicode.Scalar {
        let start = position
        advance()
        guard let scalar = peek() else { throw TOMLError("unterminated escape sequence", at: start) }
        advance()
        switch scalar {
        case "b": return "\u{08}"
        case "t": return "\t"
        case "n": return "\n"
        case "f": return "\u{0C}"
        case "r": return "\r"
        case "\"": return "\""
        case "\\": return "\\"
        case "u": return try parseUnicodeEscape(digits: 4, start: start)
        case "U": return try parseUnicodeEscape(digits: 8, start: start)
        default:
            throw TOMLError("invalid escape sequence '\\\(Character(scalar))'", at: start)
        }
    }

    private mutating func parseUnicodeEscape(digits: Int, start: SourcePosition) throws(TOMLError) -> Unicode.Scalar {
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let scalar = peek(), let digit = Self.hexValue(scalar) else {
                throw TOMLError(
                    "a \\\(digits == 4 ? "u" : "U") escape needs exactly \(digits) hexadecimal digits", at: start)
            }
            value = value &* 16 &+ digit
            advance()
        }
        guard let result = Unicode.Scalar(value) else {
            throw TOMLError(
                """
                escape \\\(digits == 4 ? "u" : "U")\(String(value, radix: 16, uppercase: true)) is not a Unicode \
                scalar value
                """,
                at: start)
        }
        return result
    }

    static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 48
        case "a"..."f": return scalar.value - 87
        case "A"..."F": return scalar.value - 55
        default: return nil
        }
    }
}
