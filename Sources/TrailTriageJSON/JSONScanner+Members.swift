extension JSONScanner {
    /// Moves past the object at the read position, validating it as ``skipValue()`` does, and
    /// hands `visit` each member's key (the raw bytes between its quotes, escapes undecoded) and
    /// its value's byte range (the value's first byte tells its type). When `stopBefore` returns
    /// `true` for a key, the walk stops before that member's value is read, and the method
    /// returns `true` (a caller looking for `Records` should not pay for skipping a whole file).
    ///
    /// Framing, prefiltering and summarising all need "the top-level members of this object"
    /// without building it; this is the one place that walks them.
    ///
    /// When `descend` returns `true` for a key whose value is an object, that object's own
    /// members go to `visitNested` as the walk steps through them (one walk, not two, for a
    /// caller that needs one nested object's members too), and then the member to `visit`.
    @discardableResult
    public mutating func skipObject(
        stoppingBefore stopBefore: (_ key: UnsafeBufferPointer<UInt8>) -> Bool = { _ in false },
        descendingInto descend: (_ key: UnsafeBufferPointer<UInt8>) -> Bool = { _ in false },
        visitingNested visitNested: (_ key: UnsafeBufferPointer<UInt8>, _ value: Range<Int>) -> Void = { _, _ in },
        visitingMembers visit: (_ key: UnsafeBufferPointer<UInt8>, _ value: Range<Int>) -> Void
    ) throws(JSONParseError) -> Bool {
        guard !atEnd, current == UInt8(ascii: "{") else { throw error("expected an object") }
        // The object itself is one level: its members may nest as deep as the parser allows, no deeper.
        return try skipMembers(
            depth: 0, stoppingBefore: stopBefore, descendingInto: descend, visitingNested: visitNested, visit: visit)
    }

    /// Moves past the object at the read position, nested `depth` levels, validating it exactly
    /// as ``skipValue(depth:)`` does, and hands `visit` each member's raw key and value range
    /// (with ``skipObject(stoppingBefore:descendingInto:visitingNested:visitingMembers:)``'s
    /// stop and descent). The one member loop of the scanner: ``skipValue(depth:)`` uses it too.
    @discardableResult
    mutating func skipMembers(
        depth: Int,
        stoppingBefore stopBefore: (_ key: UnsafeBufferPointer<UInt8>) -> Bool = { _ in false },
        descendingInto descend: (_ key: UnsafeBufferPointer<UInt8>) -> Bool = { _ in false },
        visitingNested visitNested: (_ key: UnsafeBufferPointer<UInt8>, _ value: Range<Int>) -> Void = { _, _ in },
        visit: (_ key: UnsafeBufferPointer<UInt8>, _ value: Range<Int>) -> Void
    ) throws(JSONParseError) -> Bool {
        guard depth < JSONParser.maximumDepth else { throw error("nesting too deep") }
        position += 1
        skipWhitespace()
        if !atEnd && current == UInt8(ascii: "}") {
            position += 1
            return false
        }
        while true {
            skipWhitespace()
            guard !atEnd else { throw error("unexpected end of input in an object") }
            guard current == UInt8(ascii: "\"") else { throw error("expected a string key") }
            let keyStart = position + 1
            try skipString()
            let key = UnsafeBufferPointer(rebasing: bytes[keyStart..<(position - 1)])
            if stopBefore(key) { return true }
            skipWhitespace()
            guard !atEnd, current == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
            position += 1
            skipWhitespace()
            guard !atEnd else { throw error("unexpected end of input") }
            let valueStart = position
            if current == UInt8(ascii: "{") && descend(key) {
                try skipMembers(depth: depth + 1, visit: visitNested)
            } else {
                try skipValue(depth: depth + 1)
            }
            visit(key, valueStart..<position)
            skipWhitespace()
            guard !atEnd else { throw error("unexpected end of input in an object") }
            if current == UInt8(ascii: ",") {
                position += 1
            } else if current == UInt8(ascii: "}") {
                position += 1
                return false
            } else {
                throw error("expected ',' or '}' in an object")
            }
        }
    }

    /// Whether the plain string value in `range` (quotes included) needs no unescaping: its
    /// bytes between the quotes are its text.
    public func isPlainString(_ range: Range<Int>) -> Bool {
        guard range.count >= 2, bytes[range.lowerBound] == UInt8(ascii: "\"") else { return false }
        return !UnsafeBufferPointer(rebasing: bytes[(range.lowerBound + 1)..<(range.upperBound - 1)]).contains(
            UInt8(ascii: "\\"))
    }

    /// Whether `byte` is JSON whitespace.
    @inline(__always)
    public static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
