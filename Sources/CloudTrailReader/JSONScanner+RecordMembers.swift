import TrailTriageJSON

extension JSONScanner {
    /// Moves past the record object at the read position, validating it like `skipValue()`, and
    /// notes where its top-level key fields are (see ``RecordKeyFields``).
    ///
    /// Doing both in one pass is what keeps framing, prefiltering and summarising close to the
    /// cost of reading the bytes once.
    mutating func skipRecord() throws(JSONParseError) -> RecordKeyFields {
        var fields = RecordKeyFields(isKnown: true)
        position += 1  // {
        skipWhitespace()
        if !atEnd && current == UInt8(ascii: "}") {
            position += 1
            return fields
        }
        while true {
            skipWhitespace()
            guard !atEnd else { throw JSONParseError(offset: position, reason: "unexpected end of input in an object") }
            guard current == UInt8(ascii: "\"") else { throw JSONParseError(offset: position, reason: "expected a string key") }
            let keyStart = position + 1
            try skipString()
            let keyBytes = UnsafeBufferPointer(rebasing: bytes[keyStart..<(position - 1)])
            let key = RecordKey.matching(keyBytes)
            if key == nil && keyBytes.contains(UInt8(ascii: "\\")) {
                // An escaped key might spell one of ours; give up knowing.
                fields = .unknown
            }
            skipWhitespace()
            guard !atEnd, current == UInt8(ascii: ":") else { throw JSONParseError(offset: position, reason: "expected ':' after a key") }
            position += 1
            skipWhitespace()
            guard !atEnd else { throw JSONParseError(offset: position, reason: "unexpected end of input") }
            let valueStart = position
            let isString = current == UInt8(ascii: "\"")
            let isObject = current == UInt8(ascii: "{")
            try skipValue()
            if let key, fields.isKnown {
                if key.range(in: fields) != nil {
                    fields = .unknown  // a repeated key: only the full parser can say which wins
                } else if key == .userIdentity {
                    if isObject { key.set(valueStart..<position, in: &fields) } else { fields = .unknown }
                } else {
                    let inner = (valueStart + 1)..<(position - 1)
                    if isString && !UnsafeBufferPointer(rebasing: bytes[inner]).contains(UInt8(ascii: "\\")) {
                        key.set(inner, in: &fields)
                    } else if isString || key == .eventSource || key == .eventName || key == .eventTime || key == .eventID {
                        // Escapes, or an odd type where a string belongs: the parser decides.
                        fields = .unknown
                    }
                }
            }
            skipWhitespace()
            guard !atEnd else { throw JSONParseError(offset: position, reason: "unexpected end of input in an object") }
            if current == UInt8(ascii: ",") {
                position += 1
            } else if current == UInt8(ascii: "}") {
                position += 1
                return fields
            } else {
                throw JSONParseError(offset: position, reason: "expected ',' or '}' in an object")
            }
        }
    }
}
