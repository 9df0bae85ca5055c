/// A single-pass TOML 1.0 parser over Unicode scalars.
///
/// Working on scalars (not bytes or grapheme clusters) keeps columns stable and makes
/// `\r\n` two separate steps, which TOML's grammar expects.
struct TOMLParser {
    let scalars: [Unicode.Scalar]
    var index = 0
    var line = 1
    var column = 1
    let root = MutableTOMLTable(origin: .root, position: SourcePosition(line: 1, column: 1))
    var current: MutableTOMLTable

    init(text: String) {
        self.scalars = Array(text.unicodeScalars)
        self.current = root
    }

    // MARK: Cursor

    var position: SourcePosition { SourcePosition(line: line, column: column) }

    var isAtEnd: Bool { index >= scalars.count }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let target = index + offset
        return target < scalars.count ? scalars[target] : nil
    }

    mutating func advance() {
        guard index < scalars.count else { return }
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    mutating func advance(by count: Int) {
        for _ in 0..<count { advance() }
    }

    func error(_ message: String) -> TOMLError {
        TOMLError(message, at: position)
    }

    static func describe(_ scalar: Unicode.Scalar?) -> String {
        guard let scalar else { return "end of input" }
        switch scalar {
        case "\n": return "newline"
        case "\r": return "carriage return"
        case "\t": return "tab"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                return "control character U+\(String(scalar.value, radix: 16, uppercase: true))"
            }
            return "'\(Character(scalar))'"
        }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F
    }

    // MARK: Trivia

    mutating func skipWhitespace() {
        while let scalar = peek(), scalar == " " || scalar == "\t" { advance() }
    }

    /// Consumes a newline (`\n` or `\r\n`) if one is next.
    mutating func consumeNewline() throws(TOMLError) -> Bool {
        if peek() == "\n" {
            advance()
            return true
        }
        if peek() == "\r" {
            guard peek(1) == "\n" else { throw error("a carriage return must be followed by a newline") }
            advance(by: 2)
            return true
        }
        return false
    }

    mutating func skipComment() throws(TOMLError) {
        guard peek() == "#" else { return }
        advance()
        while let scalar = peek(), scalar != "\n" {
            if scalar == "\r" && peek(1) == "\n" { return }
            if Self.isControl(scalar) { throw error("\(Self.describe(scalar)) is not allowed in a comment") }
            advance()
        }
    }

    /// Skips whitespace, comments and newlines, as allowed between array elements.
    mutating func skipWhitespaceCommentsAndNewlines() throws(TOMLError) {
        while true {
            skipWhitespace()
            if peek() == "#" {
                try skipComment()
            } else if try !consumeNewline() {
                return
            }
        }
    }

    /// After a key/value pair or header, only whitespace and a comment may precede the newline.
    mutating func expectLineEnd() throws(TOMLError) {
        skipWhitespace()
        try skipComment()
        if isAtEnd { return }
        if try consumeNewline() { return }
        throw error("expected a newline after the value, found \(Self.describe(peek()))")
    }

    // MARK: Document

    mutating func parse() throws(TOMLError) -> TOMLTable {
        if peek() == "\u{FEFF}" { advance() }
        while true {
            skipWhitespace()
            guard let scalar = peek() else { break }
            switch scalar {
            case "#":
                try skipComment()
            case "\n", "\r":
                _ = try consumeNewline()
            case "[":
                try parseHeader()
                try expectLineEnd()
            default:
                try parseKeyValue(into: current)
                try expectLineEnd()
            }
        }
        return root.frozen()
    }

    // MARK: Keys

    struct KeyPart {
        var name: String
        var position: SourcePosition
    }

    /// Parses a possibly dotted key such as `rule.threat."quoted key"`.
    mutating func parseKey() throws(TOMLError) -> [KeyPart] {
        var parts: [KeyPart] = []
        while true {
            skipWhitespace()
            let start = position
            let name: String
            switch peek() {
            case "\"":
                if peek(1) == "\"" && peek(2) == "\"" { throw error("a key cannot be a multi-line string") }
                name = try parseBasicString()
            case "'":
                if peek(1) == "'" && peek(2) == "'" { throw error("a key cannot be a multi-line string") }
                name = try parseLiteralString()
            default:
                var scalars = String.UnicodeScalarView()
                while let scalar = peek(), Self.isBareKeyScalar(scalar) {
                    scalars.append(scalar)
                    advance()
                }
                guard !scalars.isEmpty else { throw error("expected a key, found \(Self.describe(peek()))") }
                name = String(scalars)
            }
            parts.append(KeyPart(name: name, position: start))
            skipWhitespace()
            guard peek() == "." else { return parts }
            advance()
        }
    }

    static func isBareKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": return true
        default: return false
        }
    }

    static func dotted(_ parts: [KeyPart]) -> String {
        parts.map { part in
            part.name.unicodeScalars.allSatisfy(isBareKeyScalar) && !part.name.isEmpty ? part.name : "\"\(part.name)\""
        }.joined(separator: ".")
    }

    // MARK: Key/value pairs

    /// Parses `key = value` and stores it in `table`, creating tables for dotted keys.
    mutating func parseKeyValue(into table: MutableTOMLTable) throws(TOMLError) {
        let key = try parseKey()
        skipWhitespace()
        guard peek() == "=" else {
            throw error("expected '=' after key '\(Self.dotted(key))', found \(Self.describe(peek()))")
        }
        advance()
        skipWhitespace()
        let (value, valuePosition) = try parseValue()

        var target = table
        for (offset, part) in key.dropLast().enumerated() {
            switch target[part.name] {
            case nil:
                let child = MutableTOMLTable(origin: .dotted, position: part.position)
                target[part.name] = .table(child, key: part.position)
                target = child
            case .table(let child, _) where child.origin == .dotted:
                target = child
            default:
                let path = Self.dotted(Array(key.prefix(offset + 1)))
                throw TOMLError(
                    "cannot add keys to '\(path)' with a dotted key: it is already defined", at: part.position)
            }
        }
        guard let last = key.last else { throw error("expected a key") }
        if target[last.name] != nil {
            throw TOMLError("duplicate key '\(Self.dotted(key))'", at: last.position)
        }
        target[last.name] = .value(value, key: last.position, value: valuePosition)
    }

    // MARK: Headers

    /// Parses `[table]` or `[[array.of.tables]]` and makes it the current table.
    mutating func parseHeader() throws(TOMLError) {
        let headerPosition = position
        advance()
        let isArray = peek() == "["
        if isArray { advance() }
        let key = try parseKey()
        guard peek() == "]" else {
            throw error("expected ']' to close the table header, found \(Self.describe(peek()))")
        }
        advance()
        if isArray {
            guard peek() == "]" else { throw error("expected ']]' to close the array-of-tables header") }
            advance()
        }

        var target = root
        for (offset, part) in key.dropLast().enumerated() {
            switch target[part.name] {
            case nil:
                let child = MutableTOMLTable(origin: .implicit, position: headerPosition)
                target[part.name] = .table(child, key: part.position)
                target = child
            case .table(let child, _):
                target = child
            case .tableArray(let children, _):
                // A header below an array of tables extends its most recent element.
                guard let lastChild = children.last else { throw TOMLError("empty array of tables", at: part.position) }
                target = lastChild
            case .value:
                let path = Self.dotted(Array(key.prefix(offset + 1)))
                throw TOMLError("cannot define a table inside '\(path)': it is a value, not a table", at: part.position)
            }
        }
        guard let last = key.last else { throw error("expected a key") }
        let name = Self.dotted(key)

        if isArray {
            let element = MutableTOMLTable(origin: .arrayElement, position: headerPosition)
            switch target[last.name] {
            case nil:
                target[last.name] = .tableArray([element], key: last.position)
            case .tableArray(let children, let keyPosition):
                target[last.name] = .tableArray(children + [element], key: keyPosition)
            default:
                throw TOMLError(
                    "cannot define '\(name)' as an array of tables: it is already defined", at: last.position)
            }
            current = element
        } else {
            switch target[last.name] {
            case nil:
                let child = MutableTOMLTable(origin: .header, position: headerPosition)
                target[last.name] = .table(child, key: last.position)
                current = child
            case .table(let child, _) where child.origin == .implicit:
                child.origin = .header
                child.position = headerPosition
                current = child
            default:
                throw TOMLError("table '\(name)' is defined more than once", at: last.position)
            }
        }
    }

    // MARK: Values

    /// Parses any value, returning where its content starts.
    mutating func parseValue() throws(TOMLError) -> (TOMLValue, SourcePosition) {
        let start = position
        switch peek() {
        case "\"":
            if peek(1) == "\"" && peek(2) == "\"" {
                return try parseMultilineBasicString()
            }
            // The content starts just after the single opening quote, on the same line.
            return (.string(try parseBasicString()), SourcePosition(line: start.line, column: start.column + 1))
        case "'":
            if peek(1) == "'" && peek(2) == "'" {
                return try parseMultilineLiteralString()
            }
            return (.string(try parseLiteralString()), SourcePosition(line: start.line, column: start.column + 1))
        case "[":
            return (try parseArray(), start)
        case "{":
            return (try parseInlineTable(), start)
        case nil, "\n", "\r", "#":
            throw error("expected a value, found \(Self.describe(peek()))")
        default:
            return (try parseBareValue(), start)
        }
    }

    mutating func parseArray() throws(TOMLError) -> TOMLValue {
        let start = position
        advance()
        var elements: [TOMLValue] = []
        while true {
            try skipWhitespaceCommentsAndNewlines()
            if peek() == "]" {
                advance()
                return .array(elements)
            }
            if isAtEnd { throw TOMLError("unterminated array", at: start) }
            let (element, _) = try parseValue()
            elements.append(element)
            try skipWhitespaceCommentsAndNewlines()
            switch peek() {
            case ",":
                advance()
            case "]":
                advance()
                return .array(elements)
            case nil:
                throw TOMLError("unterminated array", at: start)
            default:
                throw error("expected ',' or ']' in array, found \(Self.describe(peek()))")
            }
        }
    }

    /// Inline tables are complete when closed: later headers and dotted keys cannot extend them,
    /// which storing them as plain values enforces.
    mutating func parseInlineTable() throws(TOMLError) -> TOMLValue {
        let start = position
        advance()
        let table = MutableTOMLTable(origin: .header, position: start)
        skipWhitespace()
        if peek() == "}" {
            advance()
            return .table(table.frozen())
        }
        while true {
            skipWhitespace()
            if peek() == "\n" || peek() == "\r" { throw error("inline tables must be written on a single line") }
            try parseKeyValue(into: table)
            skipWhitespace()
            switch peek() {
            case ",":
                let comma = position
                advance()
                skipWhitespace()
                if peek() == "}" { throw TOMLError("a trailing comma is not allowed in an inline table", at: comma) }
            case "}":
                advance()
                return .table(table.frozen())
            case "\n", "\r":
                throw error("inline tables must be written on a single line")
            case nil:
                throw TOMLError("unterminated inline table", at: start)
            default:
                throw error("expected ',' or '}' in inline table, found \(Self.describe(peek()))")
            }
        }
    }
}
