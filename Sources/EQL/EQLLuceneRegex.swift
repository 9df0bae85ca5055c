import Foundation

/// A Lucene regular expression (the dialect of Elasticsearch's `regexp` query), matched against
/// the whole string.
///
/// Lucene's syntax differs from ICU's: there are no anchors (every match is whole-string), `"…"`
/// quotes a literal string, `@` is any string, `#` the empty language, stacked quantifiers such as
/// `.*?` mean "optionally any run" (not a lazy star), and inside `[…]` only single characters,
/// ranges and `^` have a meaning. The pattern is translated into an equivalent ICU expression
/// that escapes every literal character, so nothing in it keeps an ICU-only meaning. Lucene's
/// intersection `&`, complement `~`, numeric interval `<n-m>` and the `\d`/`\s`/`\w` classes are
/// refused rather than guessed at.
///
/// Lucene's case-insensitive flag, which `regex~` sets, folds ASCII letters only, and only where
/// the pattern names single characters (not inside ranges such as `a-z`); the translation does
/// the same.
struct EQLLuceneRegex: @unchecked Sendable {
    // @unchecked: NSRegularExpression is immutable once created and documented as safe to use
    // from several threads at once.

    /// Why a pattern was refused, with the 0-based Unicode scalar offset in the pattern.
    struct Unsupported: Error, Equatable {
        var message: String
        var offset: Int
    }

    private let expression: NSRegularExpression

    init(_ pattern: String, caseInsensitive: Bool) throws(Unsupported) {
        var translator = Translator(pattern: Array(pattern.unicodeScalars), caseInsensitive: caseInsensitive)
        let body = try translator.translateWhole()
        let translated = "\\A(?:" + body + ")\\z"
        do {
            expression = try NSRegularExpression(pattern: translated, options: [.dotMatchesLineSeparators])
        } catch {
            throw Unsupported(message: "the regex could not be compiled (\(error))", offset: 0)
        }
    }

    func matches(_ value: String) -> Bool {
        let range = NSRange(value.startIndex..<value.endIndex, in: value)
        return expression.firstMatch(in: value, options: [.anchored], range: range) != nil
    }
}

extension EQLLuceneRegex {
    /// A recursive-descent reader of Lucene's grammar that writes the ICU form as it goes.
    private struct Translator {
        let pattern: [Unicode.Scalar]
        let caseInsensitive: Bool
        var position = 0

        init(pattern: [Unicode.Scalar], caseInsensitive: Bool) {
            self.pattern = pattern
            self.caseInsensitive = caseInsensitive
        }

        mutating func translateWhole() throws(Unsupported) -> String {
            let result = try union()
            if position < pattern.count {
                throw Unsupported(message: "unbalanced `)` in the regex", offset: position)
            }
            return result
        }

        private var current: Unicode.Scalar? { position < pattern.count ? pattern[position] : nil }

        private mutating func union() throws(Unsupported) -> String {
            var alternatives = [try concatenation()]
            while current == "|" {
                position += 1
                alternatives.append(try concatenation())
            }
            return alternatives.count == 1 ? alternatives[0] : "(?:" + alternatives.joined(separator: "|") + ")"
        }

        private mutating func concatenation() throws(Unsupported) -> String {
            var parts: [String] = []
            while let scalar = current, scalar != "|", scalar != ")" {
                parts.append(try repetition())
            }
            if parts.isEmpty {
                throw Unsupported(message: "empty alternative in the regex", offset: position)
            }
            return parts.joined()
        }

        private mutating func repetition() throws(Unsupported) -> String {
            var atom = try simple()
            while let scalar = current {
                let quantifier: String
                switch scalar {
                case "*", "+", "?":
                    quantifier = String(scalar)
                    position += 1
                case "{":
                    quantifier = try bounds()
                default:
                    return atom
                }
                // Each quantifier applies to everything before it, so `.*?` is `(.*)?`; the group
                // also stops ICU reading `*?` as lazy or `*+` as possessive.
                atom = "(?:" + atom + ")" + quantifier
            }
            return atom
        }

        private mutating func bounds() throws(Unsupported) -> String {
            let start = position
            position += 1
            let minimum = digits()
            var maximum: String?
            var hasComma = false
            if current == "," {
                hasComma = true
                position += 1
                maximum = digits()
            }
            guard current == "}", let minimum else {
                throw Unsupported(message: "malformed repetition `{…}` in the regex", offset: start)
            }
            position += 1
            if let maximum {
                guard let low = Int(minimum), let high = Int(maximum), low <= high else {
                    throw Unsupported(message: "repetition bounds out of order in the regex", offset: start)
                }
                return "{\(minimum),\(maximum)}"
            }
            return hasComma ? "{\(minimum),}" : "{\(minimum)}"
        }

        private mutating func digits() -> String? {
            var text = ""
            while let scalar = current, ("0"..."9").contains(scalar) {
                text.unicodeScalars.append(scalar)
                position += 1
            }
            return text.isEmpty ? nil : text
        }

        private mutating func simple() throws(Unsupported) -> String {
            guard let scalar = current else {
                throw Unsupported(message: "the regex ends where an expression was expected", offset: position)
            }
            let start = position
            position += 1
            switch scalar {
            case ".":
                return "."
            case "@":
                return ".*"
            case "#":
                return "(?!)"
            case "(":
                if current == ")" {
                    position += 1
                    return "(?:)"
                }
                let inner = try union()
                guard current == ")" else {
                    throw Unsupported(message: "unclosed `(` in the regex", offset: start)
                }
                position += 1
                return "(?:" + inner + ")"
            case "[":
                return try characterClass(start: start)
            case "\"":
                var text = ""
                while let quoted = current, quoted != "\"" {
                    text += literal(quoted)
                    position += 1
                }
                guard current == "\"" else {
                    throw Unsupported(message: "unclosed `\"` in the regex", offset: start)
                }
                position += 1
                return "(?:" + text + ")"
            case "\\":
                return literal(try escaped(start: start))
            case "*", "+", "?", "{":
                // Lucene reads a quantifier with nothing before it as an ordinary character.
                return literal(scalar)
            case "&", "~", "<", ">":
                throw Unsupported(
                    message: "the Lucene regex operator `\(scalar)` is not supported (escape it to match it literally)",
                    offset: start)
            default:
                return literal(scalar)
            }
        }

        /// The character after a backslash, which stands for itself.
        private mutating func escaped(start: Int) throws(Unsupported) -> Unicode.Scalar {
            guard let next = current else {
                throw Unsupported(message: "the regex ends with a lone `\\`", offset: start)
            }
            if "dDsSwW".unicodeScalars.contains(next) {
                throw Unsupported(message: "the regex class `\\\(next)` is not supported", offset: start)
            }
            position += 1
            return next
        }

        private mutating func characterClass(start: Int) throws(Unsupported) -> String {
            var negated = false
            if current == "^" {
                negated = true
                position += 1
            }
            var items = ""
            while let scalar = current, scalar != "]" {
                let itemStart = position
                position += 1
                let low = scalar == "\\" ? try escaped(start: itemStart) : scalar
                if current == "-", position + 1 < pattern.count, pattern[position + 1] != "]" {
                    position += 1
                    let highStart = position
                    position += 1
                    let high = pattern[highStart] == "\\" ? try escaped(start: highStart) : pattern[highStart]
                    guard low.value <= high.value else {
                        throw Unsupported(message: "character range out of order in the regex", offset: itemStart)
                    }
                    items += Self.hex(low) + "-" + Self.hex(high)
                } else {
                    items += caseVariants(of: low).map(Self.hex).joined()
                }
            }
            guard current == "]", !items.isEmpty else {
                throw Unsupported(message: "unclosed or empty `[` class in the regex", offset: start)
            }
            position += 1
            return "[" + (negated ? "^" : "") + items + "]"
        }

        private func literal(_ scalar: Unicode.Scalar) -> String {
            let variants = caseVariants(of: scalar)
            return variants.count == 1 ? Self.hex(scalar) : "[" + variants.map(Self.hex).joined() + "]"
        }

        private func caseVariants(of scalar: Unicode.Scalar) -> [Unicode.Scalar] {
            guard caseInsensitive, scalar.isASCII, let other = Self.otherASCIICase(scalar) else {
                return [scalar]
            }
            return [scalar, other]
        }

        private static func otherASCIICase(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
            switch scalar.value {
            case 0x41...0x5A: Unicode.Scalar(scalar.value + 0x20)
            case 0x61...0x7A: Unicode.Scalar(scalar.value - 0x20)
            default: nil
            }
        }

        private static func hex(_ scalar: Unicode.Scalar) -> String {
            "\\x{" + String(scalar.value, radix: 16) + "}"
        }
    }
}
