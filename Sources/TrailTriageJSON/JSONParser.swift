/// Parses JSON text into ``JSONValue`` trees.
///
/// Works directly on UTF-8 bytes. Strings must be valid UTF-8: CloudTrail fields are
/// attacker-controlled, and silently replacing bad bytes would hide what the log really held.
public enum JSONParser {
    /// Nesting deeper than this is rejected instead of recursing until the stack runs out.
    public static let maximumDepth = 512

    /// Parses exactly one JSON value (surrounding whitespace allowed).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, repairingInvalidUTF8: Bool = false)
        throws(JSONParseError) -> JSONValue
    {
        var cursor = JSONScanner(bytes: bytes, position: 0, repairsInvalidUTF8: repairingInvalidUTF8)
        cursor.skipWhitespace()
        let value = try cursor.parseValue(depth: 0)
        cursor.skipWhitespace()
        if cursor.position != bytes.count {
            throw JSONParseError(offset: cursor.position, reason: "unexpected text after the JSON value")
        }
        return value
    }

    /// Parses exactly one JSON value from an array of bytes.
    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONParseError) { return .success(try parse(buffer)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Parses exactly one JSON value from text.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }
}

/// A read position over a byte buffer, shared by the full parser, the value skipper and the
/// record framer.
///
/// The caller keeps the buffer alive for as long as the scanner is used.
public struct JSONScanner {
    public let bytes: UnsafeBufferPointer<UInt8>
    public var position: Int
    /// When set, invalid UTF-8 inside strings becomes U+FFFD instead of an error. The framer
    /// reports such records; repairing them keeps them in front of the rules, because a
    /// tampered record must not escape detection by being unreadable.
    public var repairsInvalidUTF8: Bool

    public init(bytes: UnsafeBufferPointer<UInt8>, position: Int = 0, repairsInvalidUTF8: Bool = false) {
        self.bytes = bytes
        self.position = position
        self.repairsInvalidUTF8 = repairsInvalidUTF8
    }

    /// Whether every byte has been consumed.
    @inline(__always)
    public var atEnd: Bool { position >= bytes.count }

    /// The byte at the read position; only valid when not `atEnd`.
    @inline(__always)
    public var current: UInt8 { bytes[position] }

    /// Moves past JSON whitespace.
    @inline(__always)
    public mutating func skipWhitespace() {
        while position < bytes.count && Self.isWhitespace(bytes[position]) {
            position += 1
        }
    }

    func error(_ reason: String) -> JSONParseError {
        JSONParseError(offset: position, reason: reason)
    }

    mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        guard !atEnd else { throw error("unexpected end of input") }
        switch current {
        case UInt8(ascii: "{"):
            return .object(try parseObject(depth: depth + 1))
        case UInt8(ascii: "["):
            return .array(try parseArray(depth: depth + 1))
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = position
            try skipNumber()
            return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
        default:
            throw error("unexpected character '\(Self.printable(current))'")
        }
    }

    /// A byte as it can be quoted in a message: itself when printable ASCII, else `\xNN`.
    public static func printable(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return String(UnicodeScalar(byte)) }
        return "\\x" + String(byte, radix: 16, uppercase: true)
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw error("unexpected end of input") }
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for index in 0..<count where bytes[position + index] != expected[index] {
            throw error("invalid literal")
        }
        position += count
    }

    mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONObject {
        guard depth <= JSONParser.maximumDepth else { throw error("nesting too deep") }
        position += 1  // {
        var members: [JSONMember] = []
        skipWhitespace()
        if !atEnd && current == UInt8(ascii: "}") {
            position += 1
            return JSONObject(members)
        }
        while true {
            skipWhitespace()
            guard !atEnd else { throw error("unexpected end of input in an object") }
            guard current == UInt8(ascii: "\"") else { throw error("expected a string key") }
            let key = try parseString()
            skipWhitespace()
            guard !atEnd, current == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
            position += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            members.append(JSONMember(key: key, value: value))
            skipWhitespace()
            guard !atEnd else { throw error("unexpected end of input in an object") }
            if current == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if current == UInt8(ascii: "}") {
                position += 1
                return JSONObject(members)
            }
            throw error("expected ',' or '}' in an object")
        }
    }

    mutating func parseArray(depth: Int) throws(JSONParseError) -> [JSONValue] {
        guard depth <= JSONParser.maximumDepth else { throw error("nesting too deep") }
        position += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if !atEnd && current == UInt8(ascii: "]") {
            position += 1
            return elements
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard !atEnd else { throw error("unexpected end of input in an array") }
            if current == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if current == UInt8(ascii: "]") {
                position += 1
                return elements
            }
            throw error("expected ',' or ']' in an array")
        }
    }

    mutating func skipNumber() throws(JSONParseError) {
        let start = position
        if current == UInt8(ascii: "-") { position += 1 }
        guard !atEnd else { throw error("incomplete number") }
        if current == UInt8(ascii: "0") {
            position += 1
        } else if current >= UInt8(ascii: "1") && current <= UInt8(ascii: "9") {
            while !atEnd && current >= UInt8(ascii: "0") && current <= UInt8(ascii: "9") { position += 1 }
        } else {
            throw error("invalid number")
        }
        if !atEnd && current == UInt8(ascii: ".") {
            position += 1
            let digitsStart = position
            while !atEnd && current >= UInt8(ascii: "0") && current <= UInt8(ascii: "9") { position += 1 }
            guard position > digitsStart else { throw error("invalid number") }
        }
        if !atEnd && (current == UInt8(ascii: "e") || current == UInt8(ascii: "E")) {
            position += 1
            if !atEnd && (current == UInt8(ascii: "+") || current == UInt8(ascii: "-")) { position += 1 }
            let digitsStart = position
            while !atEnd && current >= UInt8(ascii: "0") && current <= UInt8(ascii: "9") { position += 1 }
            guard position > digitsStart else { throw error("invalid number") }
        }
        assert(position > start)
    }

    /// Parses a string starting at its opening quote.
    public mutating func parseString() throws(JSONParseError) -> String {
        position += 1  // opening quote
        let start = position
        // Fast path: no escapes, so the bytes between the quotes are the string.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<position])
                guard let text = String(validating: slice, as: UTF8.self) else {
                    if repairsInvalidUTF8 {
                        position += 1
                        return String(decoding: slice, as: UTF8.self)
                    }
                    position = start
                    throw error("invalid UTF-8 in a string")
                }
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("unescaped control character in a string") }
            position += 1
        }
        guard position < bytes.count else { throw error("unterminated string") }
        // Slow path: decode escapes into a byte buffer, then validate once.
        var decoded: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                guard let text = String(validating: decoded, as: UTF8.self) else {
                    if repairsInvalidUTF8 { return String(decoding: decoded, as: UTF8.self) }
                    throw error("invalid UTF-8 in a string")
                }
                return text
            }
            if byte < 0x20 { throw error("unescaped control character in a string") }
            if byte != UInt8(ascii: "\\") {
                decoded.append(byte)
                position += 1
                continue
            }
            position += 1
            guard position < bytes.count else { throw error("unterminated string") }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""): decoded.append(0x22)
            case UInt8(ascii: "\\"): decoded.append(0x5C)
            case UInt8(ascii: "/"): decoded.append(0x2F)
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "u"):
                let scalar = try parseUnicodeEscape()
                decoded.append(contentsOf: String(Character(scalar)).utf8)
            default:
                position -= 1
                throw error("invalid escape '\\\(Self.printable(escape))'")
            }
        }
        throw error("unterminated string")
    }

    /// Reads the four hex digits after `\u`, combining a surrogate pair when one follows.
    /// A lone surrogate cannot be represented in a Swift string; it becomes U+FFFD so the
    /// record still loads and the replacement is visible to the analyst.
    mutating func parseUnicodeEscape() throws(JSONParseError) -> Unicode.Scalar {
        let high = try readHex4()
        if (0xD800...0xDBFF).contains(high) {
            if position + 6 <= bytes.count, bytes[position] == UInt8(ascii: "\\"),
                bytes[position + 1] == UInt8(ascii: "u")
            {
                let saved = position
                position += 2
                let low = try readHex4()
                if (0xDC00...0xDFFF).contains(low) {
                    let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    return Unicode.Scalar(combined) ?? "\u{FFFD}"
                }
                position = saved
            }
            return "\u{FFFD}"
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    mutating func readHex4() throws(JSONParseError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("incomplete \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit in a \\u escape")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }
}
