import KQL

extension ESQLParser {
    var atEnd: Bool { position >= characters.count }

    var current: Character? { position < characters.count ? characters[position] : nil }

    func character(at offset: Int) -> Character? {
        position + offset < characters.count ? characters[position + offset] : nil
    }

    func error(_ message: String, at offset: Int? = nil) -> ESQLSyntaxError {
        ESQLSyntaxError(message, at: offset ?? position, in: characters)
    }

    /// Skips blanks, line breaks, `// …` comments and `/* … */` comments.
    mutating func skipTrivia() {
        while let character = current {
            if character.isWhitespace {
                position += 1
            } else if character == "/", self.character(at: 1) == "/" {
                while let next = current, !QueryTextLocation.isLineBreak(next) { position += 1 }
            } else if character == "/", self.character(at: 1) == "*" {
                position += 2
                while !atEnd, !(current == "*" && self.character(at: 1) == "/") { position += 1 }
                position = min(position + 2, characters.count)
            } else {
                return
            }
        }
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "@")
    }

    /// The word at the current position (letters, digits, `_`, `@`), without consuming it.
    func peekWord() -> String? {
        var end = position
        while end < characters.count, Self.isWordCharacter(characters[end]) { end += 1 }
        return end > position ? String(characters[position..<end]) : nil
    }

    /// Consumes `keyword` (case-insensitive, as a whole word) after trivia; false if it is not next.
    mutating func acceptKeyword(_ keyword: String) -> Bool {
        skipTrivia()
        guard let word = peekWord(), word.lowercased() == keyword else { return false }
        position += word.count
        return true
    }

    func peekKeyword(_ keyword: String) -> Bool {
        var copy = self
        return copy.acceptKeyword(keyword)
    }

    /// Consumes `symbol` after trivia; false if it is not next.
    mutating func accept(_ symbol: String) -> Bool {
        skipTrivia()
        let symbolCharacters = Array(symbol)
        guard position + symbolCharacters.count <= characters.count,
            Array(characters[position..<(position + symbolCharacters.count)]) == symbolCharacters
        else { return false }
        position += symbolCharacters.count
        return true
    }

    mutating func expect(_ symbol: String, _ what: String) throws(ESQLSyntaxError) {
        guard accept(symbol) else { throw error("expected \(what)") }
    }

    /// A column name: dot-separated parts, each unquoted (`a_b`, `@timestamp`) or back-quoted
    /// (`` `source.as.organization.name` ``, with ``` `` ``` for a back-quote). With wildcards
    /// allowed, `*` may appear anywhere in unquoted parts (`Esql.*`, `*`).
    mutating func parseName(allowingWildcards: Bool) throws(ESQLSyntaxError) -> String? {
        skipTrivia()
        var name = ""
        let start = position
        while true {
            if current == "`" {
                position += 1
                var part = ""
                while true {
                    guard let character = current else { throw error("unterminated back-quoted name", at: start) }
                    position += 1
                    if character == "`" {
                        if current == "`" {
                            part.append("`")
                            position += 1
                        } else {
                            break
                        }
                    } else {
                        part.append(character)
                    }
                }
                name += part
            } else {
                var part = ""
                while let character = current,
                    Self.isWordCharacter(character) || (allowingWildcards && character == "*")
                {
                    part.append(character)
                    position += 1
                }
                if part.isEmpty {
                    if name.isEmpty {
                        position = start
                        return nil
                    }
                    throw error("expected a name after \".\"")
                }
                if let first = part.first, first.isNumber, name.isEmpty {
                    position = start
                    return nil
                }
                name += part
            }
            guard current == ".",
                let next = character(at: 1),
                Self.isWordCharacter(next) || next == "`" || (allowingWildcards && next == "*")
            else { break }
            position += 1
            name += "."
        }
        return name
    }

    /// A string literal: `"…"` with `\"`, `\\`, `\n`, `\r`, `\t` escapes, or `"""…"""` taken as is.
    mutating func parseString() throws(ESQLSyntaxError) -> String? {
        skipTrivia()
        guard current == "\"" else { return nil }
        let start = position
        if character(at: 1) == "\"", character(at: 2) == "\"" {
            position += 3
            var text = ""
            while !(current == "\"" && character(at: 1) == "\"" && character(at: 2) == "\"") {
                guard let character = current else { throw error("unterminated \"\"\" string", at: start) }
                text.append(character)
                position += 1
            }
            position += 3
            // A run of more than three quotes closes with the last three.
            while current == "\"" {
                text.append("\"")
                position += 1
            }
            return text
        }
        position += 1
        var text = ""
        while true {
            guard let character = current, !QueryTextLocation.isLineBreak(character) else {
                throw error("unterminated string", at: start)
            }
            position += 1
            if character == "\"" { return text }
            if character == "\\" {
                guard let escaped = current else { throw error("unterminated string", at: start) }
                position += 1
                switch escaped {
                case "n": text.append("\n")
                case "r": text.append("\r")
                case "t": text.append("\t")
                case "\"", "\\": text.append(escaped)
                default: throw error("unknown escape sequence \\\(escaped) in string", at: position - 2)
                }
            } else {
                text.append(character)
            }
        }
    }
}
