import TrailTriageJSON

extension JSONScanner {
    /// Moves past the array or object at the read position when it nests deeper than
    /// ``JSONParser/maximumDepth`` and its brackets close. Returns `false`, leaving the position
    /// alone, for any other value (not over-deep, or never closing).
    ///
    /// The validating skipper refuses such a value rather than recursing until the stack runs
    /// out; this finds where it ends with a plain counter instead of recursion (strings are
    /// skipped whole, so brackets inside them do not count), so framing can report that one
    /// record and go on with the next. Brackets are counted, not matched: the value is reported
    /// unread either way, so only its extent matters.
    mutating func skipOverDeepValue() -> Bool {
        guard !atEnd, current == UInt8(ascii: "{") || current == UInt8(ascii: "[") else { return false }
        var index = position
        var depth = 0
        var deepest = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                deepest = max(deepest, depth)
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                index += 1
                if depth == 0 {
                    guard deepest > JSONParser.maximumDepth else { return false }
                    position = index
                    return true
                }
            case UInt8(ascii: "\""):
                var string = JSONScanner(bytes: bytes, position: index)
                do throws(JSONParseError) {
                    try string.skipString()
                } catch {
                    return false
                }
                index = string.position
            default:
                index += 1
            }
        }
        return false
    }
}
