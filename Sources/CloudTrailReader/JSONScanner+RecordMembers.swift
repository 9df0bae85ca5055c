import TrailTriageJSON

extension JSONScanner {
    private static let eventSourceKey: [UInt8] = Array("eventSource".utf8)
    private static let eventNameKey: [UInt8] = Array("eventName".utf8)

    /// Moves past the record object at the read position, validating it like `skipValue()`, and
    /// notes where its top-level `eventSource` and `eventName` values are.
    ///
    /// Doing both in one pass is what keeps framing plus prefiltering close to the cost of
    /// reading the bytes once.
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
            let key = UnsafeBufferPointer(rebasing: bytes[keyStart..<(position - 1)])
            let isSource = key.count == 11 && key.elementsEqual(Self.eventSourceKey)
            let isName = !isSource && key.count == 9 && key.elementsEqual(Self.eventNameKey)
            if !isSource && !isName && key.contains(UInt8(ascii: "\\")) {
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
            try skipValue()
            if (isSource || isName) && fields.isKnown {
                let inner = (valueStart + 1)..<(position - 1)
                let plain = isString && !UnsafeBufferPointer(rebasing: bytes[inner]).contains(UInt8(ascii: "\\"))
                let alreadySeen = isSource ? fields.eventSource != nil : fields.eventName != nil
                if !plain || alreadySeen {
                    // Escapes, other types or a repeated key: only the full parser can say.
                    fields = .unknown
                } else if isSource {
                    fields.eventSource = inner
                } else {
                    fields.eventName = inner
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
