import TrailTriageJSON

/// Reads `eventSource` and `eventName` from a record's top level without parsing it.
///
/// Most records in a trail cannot match any rule, and the rules nearly always pin the provider
/// and the action. Peeking at those two values lets a scan drop a record for the cost of one
/// pass over its bytes, instead of building and mapping a full document.
struct RecordPeek {
    var eventSource: String?
    var eventName: String?

    private static let eventSourceKey = Array("eventSource".utf8)
    private static let eventNameKey = Array("eventName".utf8)

    /// Peeks at the record in `bytes`. Anything unusual (escaped keys, non-string values,
    /// broken structure) leaves the values unknown, which makes the record pass the prefilter:
    /// the full parser then decides, so odd records are reported rather than dropped.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var scanner = JSONScanner(bytes: bytes)
        scanner.skipWhitespace()
        guard !scanner.atEnd, scanner.current == UInt8(ascii: "{") else { return }
        scanner.position += 1
        do throws(JSONParseError) {
            while true {
                scanner.skipWhitespace()
                guard !scanner.atEnd, scanner.current == UInt8(ascii: "\"") else { return }
                let keyStart = scanner.position + 1
                try scanner.skipString()
                let keyEnd = scanner.position - 1
                let key = UnsafeBufferPointer(rebasing: bytes[keyStart..<keyEnd])
                if key.contains(UInt8(ascii: "\\")) {
                    // An escaped key could spell eventName; let the parser see this record.
                    eventSource = nil
                    eventName = nil
                    return
                }
                scanner.skipWhitespace()
                guard !scanner.atEnd, scanner.current == UInt8(ascii: ":") else { return }
                scanner.position += 1
                scanner.skipWhitespace()
                guard !scanner.atEnd else { return }
                let isSource = key.elementsEqual(Self.eventSourceKey)
                let isName = !isSource && key.elementsEqual(Self.eventNameKey)
                if (isSource || isName) && scanner.current == UInt8(ascii: "\"") {
                    let value = try scanner.parseString()
                    if isSource { eventSource = value } else { eventName = value }
                } else {
                    if isSource || isName {
                        // A non-string value: unknown, so the record is not excluded.
                        return
                    }
                    try scanner.skipValue()
                }
                scanner.skipWhitespace()
                guard !scanner.atEnd, scanner.current == UInt8(ascii: ",") else { return }
                scanner.position += 1
            }
        } catch {
            eventSource = nil
            eventName = nil
        }
    }
}
