extension KQLParser {
    /// Characters that may follow a backslash in an unquoted literal to stand for themselves.
    static let escapableInUnquoted: Set<Character> = ["\\", "(", ")", ":", "<", ">", "\"", "*", "{", "}"]

    /// Unescaped characters that end an unquoted literal.
    static let valueTerminators: Set<Character> = ["(", ")", ":", "<", ">", "\"", "{", "}"]

    static let rangeOperatorMessage = "range operators (<, <=, >, >=) are not supported"

    var isAtEnd: Bool {
        position >= characters.count
    }

    var current: Character? {
        position < characters.count ? characters[position] : nil
    }

    mutating func skipWhitespace() {
        while position < characters.count && characters[position].isKQLWhitespace {
            position += 1
        }
    }

    func syntaxError(_ message: String, at offset: Int) -> KQLSyntaxError {
        KQLSyntaxError(message, at: offset, in: characters)
    }

    /// Whether `word` (lower-case ASCII) appears at `index`, ignoring case.
    func matchesWord(_ word: String, at index: Int) -> Bool {
        var cursor = index
        for expected in word {
            guard cursor < characters.count, characters[cursor].lowercased() == String(expected) else {
                return false
            }
            cursor += 1
        }
        return true
    }

    /// Whether a keyword ending just before `index` stands on its own.
    ///
    /// Besides whitespace (the only separator KQL allows), the end of input and parentheses count, so
    /// that `a: b and` or `not(` are reported as errors instead of being read as values.
    func isKeywordBoundary(at index: Int) -> Bool {
        guard index < characters.count else {
            return true
        }
        let character = characters[index]
        return character.isKQLWhitespace || character == "(" || character == ")"
    }

    /// Whether a keyword that can end an unquoted literal starts at `index`.
    func startsKeyword(at index: Int) -> Bool {
        for word in ["or", "and", "not"] where matchesWord(word, at: index) {
            if isKeywordBoundary(at: index + word.count) {
                return true
            }
        }
        return false
    }

    /// Consumes `WS+ word WS+` and returns `true`, or leaves the position unchanged and returns `false`.
    mutating func consumeInfixKeyword(_ word: String) throws(KQLSyntaxError) -> Bool {
        let saved = position
        guard let first = current, first.isKQLWhitespace else {
            return false
        }
        skipWhitespace()
        guard matchesWord(word, at: position), isKeywordBoundary(at: position + word.count) else {
            position = saved
            return false
        }
        try consumeKeyword(word)
        return true
    }

    /// Consumes a leading `not WS+` and returns `true`, or returns `false` without consuming anything.
    mutating func consumePrefixNot() throws(KQLSyntaxError) -> Bool {
        guard matchesWord("not", at: position), isKeywordBoundary(at: position + 3) else {
            return false
        }
        try consumeKeyword("not")
        return true
    }

    private mutating func consumeKeyword(_ word: String) throws(KQLSyntaxError) {
        position += word.count
        guard let next = current, next != ")" else {
            throw syntaxError("expected an expression after '\(word)'", at: position)
        }
        guard next.isKQLWhitespace else {
            throw syntaxError("expected whitespace after '\(word)'", at: position)
        }
        skipWhitespace()
        if isAtEnd {
            throw syntaxError("expected an expression after '\(word)'", at: position)
        }
    }

    /// An error for the character at the current position, which the grammar does not allow here.
    func unexpectedCharacterError(expecting expected: String) -> KQLSyntaxError {
        guard let character = current else {
            return syntaxError("expected \(expected), found the end of the query", at: position)
        }
        let message: String
        switch character {
        case ":":
            message = "unexpected ':'; a ':' inside a value must be escaped as '\\:' or quoted"
        case "<", ">":
            message = Self.rangeOperatorMessage
        case "{", "}":
            message = "nested field queries (field:{…}) are not supported"
        case ")":
            message = "expected \(expected), found ')'"
        default:
            if startsKeyword(at: position) {
                let keyword = characters[position..<min(position + 3, characters.count)]
                    .prefix { $0.isLetter }
                message =
                    "expected \(expected), found keyword '\(String(keyword))'"
                    + " (escape it with a backslash to use it as a value)"
            } else {
                message = "expected \(expected), found '\(character)'"
            }
        }
        return syntaxError(message, at: position)
    }
}
