/// Writes compact JSON straight into a byte array.
///
/// Building ``TrailTriageJSON/JSONValue`` trees for half a million records would cost tens of
/// millions of allocations; records are instead written field by field, in CloudTrail's own key
/// order. Commas are inserted automatically: every value written after another value at the same
/// level is preceded by one.
struct JSONBuffer {
    private(set) var bytes: [UInt8]
    private var needsComma = false

    init(capacity: Int = 2048) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Discards the content but keeps the storage, so one buffer serves many records.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        needsComma = false
    }

    // MARK: Structure

    /// Writes `{`, whatever `body` writes, then `}` as one value.
    @inline(__always)
    mutating func object(_ body: (inout JSONBuffer) -> Void) {
        beginValue()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Writes `[`, whatever `body` writes, then `]` as one value.
    @inline(__always)
    mutating func array(_ body: (inout JSONBuffer) -> Void) {
        beginValue()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes a member name; the next value written is that member's value.
    @inline(__always)
    mutating func key(_ name: StaticString) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a member name that is only known at run time (tag keys, S3 header names).
    mutating func key(dynamic name: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    // MARK: Values

    mutating func string(_ text: String) {
        beginValue()
        appendQuoted(text)
        needsComma = true
    }

    mutating func int(_ value: Int) {
        beginValue()
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    mutating func bool(_ value: Bool) {
        beginValue()
        bytes.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
        needsComma = true
    }

    mutating func null() {
        beginValue()
        bytes.append(contentsOf: Self.nullBytes)
        needsComma = true
    }

    // MARK: Member shorthands

    mutating func field(_ name: StaticString, _ text: String) {
        key(name)
        string(text)
    }

    mutating func field(_ name: StaticString, _ text: String?) {
        guard let text else { return }
        key(name)
        string(text)
    }

    mutating func field(_ name: StaticString, int value: Int) {
        key(name)
        int(value)
    }

    mutating func field(_ name: StaticString, bool value: Bool) {
        key(name)
        bool(value)
    }

    // MARK: Encoding

    @inline(__always)
    private mutating func beginValue() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    /// Quotes and escapes `text`. Only what JSON requires is escaped (quote, backslash and
    /// control characters); other Unicode, including invisible and bidirectional characters, is
    /// written as raw UTF-8 exactly as CloudTrail would deliver it.
    private mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var clean = true
            for byte in utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                clean = false
                break
            }
            if clean {
                bytes.append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0x00..<0x20:
                    bytes.append(contentsOf: Array("\\u00".utf8))
                    bytes.append(Self.hexDigits[Int(byte >> 4)])
                    bytes.append(Self.hexDigits[Int(byte & 0xF)])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let nullBytes = Array("null".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)
}
