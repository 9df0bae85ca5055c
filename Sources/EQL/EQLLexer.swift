/// Splits EQL query text into tokens, skipping white space and comments.
struct EQLLexer {
    private let characters: [Character]
    private var position = 0

    init(characters: [Character]) {
        self.characters = characters
    }

    static func tokens(of characters: [Character]) throws(EQLSyntaxError) -> [EQLToken] {
        var lexer = EQLLexer(characters: characters)
        var tokens: [EQLToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end {
                return tokens
            }
        }
    }

    private var current: Character? { position < characters.count ? characters[position] : nil }

    private func peek(_ distance: Int) -> Character? {
        position + distance < characters.count ? characters[position + distance] : nil
    }

    private func error(_ message: String, at offset: Int) -> EQLSyntaxError {
        EQLSyntaxError(message, at: offset, in: characters)
    }

    private mutating func next() throws(EQLSyntaxError) -> EQLToken {
        try skipSpaceAndComments()
        let start = position
        guard let character = current else {
            return EQLToken(kind: .end, offset: start)
        }
        if Self.isNameStart(character) {
            return EQLToken(kind: .name(readName()), offset: start)
        }
        if character.isASCII, character.isNumber {
            var text = ""
            while let digit = current, digit.isASCII, digit.isLetter || digit.isNumber || digit == "." {
                text.append(digit)
                position += 1
            }
            return EQLToken(kind: .number(text), offset: start)
        }
        switch character {
        case "\"":
            if peek(1) == "\"", peek(2) == "\"" {
                throw error("raw strings `\"\"\"…\"\"\"` are not supported", at: start)
            }
            return EQLToken(kind: .string(try readString()), offset: start)
        case "'":
            throw error("single-quoted strings are not supported; use double quotes", at: start)
        case "?":
            if peek(1) == "\"" || peek(1) == "'" {
                throw error("raw strings `?\"…\"` are not supported", at: start)
            }
            throw error("unexpected character `?`", at: start)
        case "`":
            throw error("back-quoted field names are not supported", at: start)
        case "=", "!", "<", ">":
            if peek(1) == "=" {
                position += 2
                return EQLToken(kind: .symbol(String(character) + "="), offset: start)
            }
            position += 1
            return EQLToken(kind: .symbol(String(character)), offset: start)
        case "(", ")", "[", "]", ",", ":", "|":
            position += 1
            return EQLToken(kind: .symbol(String(character)), offset: start)
        default:
            throw error("unexpected character `\(character)`", at: start)
        }
    }

    private mutating func skipSpaceAndComments() throws(EQLSyntaxError) {
        while let character = current {
            if character.isWhitespace {
                position += 1
            } else if character == "/", peek(1) == "/" {
                while let skipped = current, !skipped.isNewline {
                    position += 1
                }
            } else if character == "/", peek(1) == "*" {
                let start = position
                position += 2
                while current != nil, !(current == "*" && peek(1) == "/") {
                    position += 1
                }
                guard current != nil else {
                    throw error("unclosed comment `/*`", at: start)
                }
                position += 2
            } else {
                return
            }
        }
    }

    private static func isNameStart(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character == "_" || character == "@")
    }

    private static func isNamePart(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "@")
    }

    /// A name with its dotted continuations (`aws.cloudtrail.user_identity.arn`) and a trailing `~`.
    private mutating func readName() -> String {
        var text = ""
        while let character = current {
            if Self.isNamePart(character) {
                text.append(character)
            } else if character == ".", let next = peek(1), Self.isNamePart(next) {
                text.append(character)
            } else {
                break
            }
            position += 1
        }
        if current == "~" {
            text.append("~")
            position += 1
        }
        return text
    }

    /// A double-quoted string with EQL's escapes: `\"`, `\'`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`
    /// and `\u{…}` (one to eight hex digits).
    private mutating func readString() throws(EQLSyntaxError) -> String {
        let start = position
        position += 1
        var text = ""
        while let character = current {
            position += 1
            switch character {
            case "\"":
                return text
            case "\\":
                text.unicodeScalars.append(try readEscape(at: position - 1))
            default:
                if character.isNewline {
                    throw error("a string cannot span lines", at: start)
                }
                text.append(character)
            }
        }
        throw error("unclosed string", at: start)
    }

    private mutating func readEscape(at start: Int) throws(EQLSyntaxError) -> Unicode.Scalar {
        guard let character = current else {
            throw error("unclosed string", at: start)
        }
        position += 1
        switch character {
        case "\"": return "\""
        case "'": return "'"
        case "\\": return "\\"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "u":
            guard current == "{" else {
                throw error("the escape `\\u` needs braces, as in `\\u{2603}`", at: start)
            }
            position += 1
            var hex = ""
            while let digit = current, digit.isHexDigit {
                hex.append(digit)
                position += 1
            }
            guard current == "}", (1...8).contains(hex.count), let value = UInt32(hex, radix: 16),
                let scalar = Unicode.Scalar(value)
            else {
                throw error("malformed escape `\\u{…}`", at: start)
            }
            position += 1
            return scalar
        default:
            throw error("unknown string escape `\\\(character)`", at: start)
        }
    }
}
