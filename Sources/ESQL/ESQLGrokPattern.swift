import TrailTriageJSON

/// A `GROK` pattern compiled to a regular expression: `%{NAME:column}` entries from the standard
/// pattern library and inline `(?<column>regex)` captures. The pattern searches the input
/// (unanchored); each capture becomes a keyword column, null when the pattern does not match.
struct ESQLGrokPattern: Sendable {
    /// A capture: its output column, the regex group that holds it, and its type.
    struct Capture: Sendable {
        var column: String
        var group: String
        var type: ESQLFieldType
    }

    let captures: [Capture]
    let regex: ESQLCompiledRegex
    /// Literal text every match contains (the plain characters at the pattern's start, after a
    /// leading `.*`), as UTF-8; empty when the pattern has none or uses alternation.
    let requiredLiteral: [UInt8]

    init(_ pattern: String) throws(ESQLPatternError) {
        var captures: [Capture] = []
        let translated = try Self.translate(pattern, captures: &captures, depth: 0)
        var seen: Set<String> = []
        for capture in captures where !seen.insert(capture.column).inserted {
            throw ESQLPatternError(message: "GROK pattern captures \"\(capture.column)\" twice; that is not supported")
        }
        self.captures = captures
        self.regex = try ESQLCompiledRegex(translated: translated, source: pattern)
        requiredLiteral = Self.requiredLiteral(of: pattern)
    }

    /// The plain characters a pattern starts with, up to its first operator or `%{`, skipping a
    /// leading `.*` (which any text satisfies); a character a quantifier follows is left out (it
    /// may be repeated or absent). Empty when the pattern has a `|` anywhere: an alternative
    /// could then match without the text.
    static func requiredLiteral(of pattern: String) -> [UInt8] {
        guard !pattern.contains("|") else { return [] }
        let operators: Set<Character> = ["\\", ".", "^", "$", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "%"]
        var rest = Substring(pattern)
        if rest.hasPrefix(".*") { rest = rest.dropFirst(2) }
        var literal: [Character] = []
        for character in rest {
            if operators.contains(character) {
                if "?*+{".contains(character) { _ = literal.popLast() }
                break
            }
            literal.append(character)
        }
        return Array(String(literal).utf8)
    }

    /// The captured values, one per ``captures`` entry (all null when the pattern does not match).
    func extract(from text: String) -> [ESQLValue] {
        // Most inputs lack the pattern's required text (a rule GROKs every event's response for
        // `accessKeyId=`); a byte search rules them out before the regex engine, which is slow, runs.
        guard requiredLiteral.isEmpty || Self.utf8(of: text, contains: requiredLiteral),
            let match = try? regex.regex.firstMatch(in: text)
        else {
            return captures.map { _ in .null }
        }
        return captures.map { capture in
            guard let substring = match.output[capture.group]?.substring else { return .null }
            let text = String(substring)
            switch capture.type {
            case .long: return Int64(text).map(ESQLValue.integer) ?? .null
            case .double: return Double(text).map(ESQLValue.double) ?? .null
            default: return .keyword(text)
            }
        }
    }

    /// Rewrites grok syntax into a regex the standard library compiles: library references are
    /// expanded, and every capture gets a plain group name (column names contain dots, which regex
    /// group names may not).
    private static func translate(_ pattern: String, captures: inout [Capture], depth: Int) throws(ESQLPatternError)
        -> String
    {
        guard depth < 10 else { throw ESQLPatternError(message: "GROK pattern library references nest too deeply") }
        let characters = Array(pattern)
        var output = ""
        var index = 0
        var inClass = false
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                output.append(character)
                output.append(characters[index + 1])
                index += 2
                continue
            }
            if inClass {
                if character == "]" { inClass = false }
                output.append(character)
                index += 1
                continue
            }
            if character == "[" {
                inClass = true
                output.append(character)
                index += 1
                continue
            }
            if character == "%", index + 1 < characters.count, characters[index + 1] == "{" {
                guard let close = characters[(index + 2)...].firstIndex(of: "}") else {
                    throw ESQLPatternError(message: "GROK pattern \"\(pattern)\" has an unclosed %{")
                }
                let parts = String(characters[(index + 2)..<close]).split(
                    separator: ":", omittingEmptySubsequences: false)
                let name = String(parts[0])
                guard let definition = ESQLGrokLibrary.patterns[name] else {
                    throw ESQLPatternError(message: "GROK pattern %{\(name)} is not in the supported pattern library")
                }
                let expansion = try translate(definition, captures: &captures, depth: depth + 1)
                if parts.count >= 2, !parts[1].isEmpty {
                    let type = try captureType(parts.count >= 3 ? String(parts[2]) : nil)
                    let group = "g\(captures.count)"
                    captures.append(Capture(column: String(parts[1]), group: group, type: type))
                    output += "(?<\(group)>\(expansion))"
                } else {
                    output += "(?:\(expansion))"
                }
                index = close + 1
                continue
            }
            if character == "(", index + 3 < characters.count, characters[index + 1] == "?",
                characters[index + 2] == "<", characters[index + 3] != "=", characters[index + 3] != "!"
            {
                guard let close = characters[(index + 3)...].firstIndex(of: ">") else {
                    throw ESQLPatternError(message: "GROK pattern \"\(pattern)\" has an unclosed (?<name>")
                }
                let group = "g\(captures.count)"
                captures.append(Capture(column: String(characters[(index + 3)..<close]), group: group, type: .keyword))
                output += "(?<\(group)>"
                index = close + 1
                continue
            }
            output.append(character)
            index += 1
        }
        return output
    }

    private static func captureType(_ name: String?) throws(ESQLPatternError) -> ESQLFieldType {
        switch name {
        case nil: return .keyword
        case "int", "long": return .long
        case "float", "double": return .double
        case let other?: throw ESQLPatternError(message: "GROK capture type \"\(other)\" is not supported")
        }
    }

    private static func utf8(of text: String, contains needle: [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { haystack in needle.withUnsafeBufferPointer { ByteSearch.contains(haystack, $0) } }
    }
}
