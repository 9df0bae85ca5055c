extension JSONScanner {
    /// Moves past one value, checking its grammar but building nothing.
    ///
    /// This is the hot loop of a scan: every byte of every record passes through it, so it
    /// allocates nothing. It checks structure, literals, numbers, escapes and control
    /// characters; UTF-8 validity is checked separately over whole buffers, which is cheaper
    /// (see ``UTF8Validation``).
    public mutating func skipValue() throws(JSONParseError) {
        try skipValue(depth: 0)
    }

    mutating func skipValue(depth: Int) throws(JSONParseError) {
        guard !atEnd else { throw error("unexpected end of input") }
        switch current {
        case UInt8(ascii: "\""):
            try skipString()
        case UInt8(ascii: "{"):
            try skipMembers(depth: depth) { _, _ in }
        case UInt8(ascii: "["):
            guard depth < JSONParser.maximumDepth else { throw error("nesting too deep") }
            position += 1
            skipWhitespace()
            if !atEnd && current == UInt8(ascii: "]") {
                position += 1
                return
            }
            while true {
                skipWhitespace()
                try skipValue(depth: depth + 1)
                skipWhitespace()
                guard !atEnd else { throw error("unexpected end of input in an array") }
                if current == UInt8(ascii: ",") {
                    position += 1
                } else if current == UInt8(ascii: "]") {
                    position += 1
                    return
                } else {
                    throw error("expected ',' or ']' in an array")
                }
            }
        case UInt8(ascii: "t"):
            try expectLiteral("true")
        case UInt8(ascii: "f"):
            try expectLiteral("false")
        case UInt8(ascii: "n"):
            try expectLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try skipNumber()
        default:
            throw error("unexpected character '\(Self.printable(current))'")
        }
    }

    /// Moves past a string starting at its opening quote, checking escapes and control characters.
    ///
    /// Strings are most of a CloudTrail record's bytes, so plain runs are skipped eight bytes at
    /// a time: a word is only examined byte by byte when it may hold a quote, a backslash or a
    /// control character.
    @inline(__always)
    public mutating func skipString() throws(JSONParseError) {
        var index = position + 1
        let count = bytes.count
        guard let base = bytes.baseAddress else {
            throw error("unterminated string")
        }
        let raw = UnsafeRawPointer(base)
        while true {
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if Self.mayHoldStringStop(word) { break }
                index += 8
            }
            guard index < count else { break }
            let byte = base[index]
            if byte == UInt8(ascii: "\"") {
                position = index + 1
                return
            }
            if byte == UInt8(ascii: "\\") {
                guard index + 1 < count else { break }
                switch base[index + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                    UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 2
                case UInt8(ascii: "u"):
                    guard index + 6 <= count, (2..<6).allSatisfy({ Self.isHexDigit(base[index + $0]) }) else {
                        position = index
                        throw error("invalid \\u escape")
                    }
                    index += 6
                default:
                    position = index
                    throw error("invalid escape")
                }
                continue
            }
            if byte < 0x20 {
                position = index
                throw error("unescaped control character in a string")
            }
            index += 1
        }
        position = count
        throw error("unterminated string")
    }

    /// Whether any byte of `word` may be a quote, a backslash or below 0x20. False positives are
    /// allowed (the caller then looks byte by byte); false negatives are not.
    @inline(__always)
    static func mayHoldStringStop(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote & highs
        let hasBackslash = (backslash &- ones) & ~backslash & highs
        let hasControl = (word &- ones &* 0x20) & ~word & highs
        return (hasQuote | hasBackslash | hasControl) != 0
    }

    @inline(__always)
    static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
            UInt8(ascii: "A")...UInt8(ascii: "F"):
            return true
        default:
            return false
        }
    }
}
