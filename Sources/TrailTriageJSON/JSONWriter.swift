/// Serialises ``JSONValue`` trees as JSON text.
///
/// Output is always plain, valid JSON in which nothing can act on a terminal or a viewer:
/// besides the control characters JSON requires escaping, DEL, C1 controls, bidirectional
/// overrides, zero-width characters and line separators are written as `\uXXXX`. Log fields are
/// attacker-controlled, and an exported file is often read with `cat` or `less`.
public struct JSONWriter: Sendable {
    /// Whether to indent nested values on their own lines.
    public var pretty: Bool
    /// Spaces per nesting level when `pretty` is set.
    public var indentWidth: Int

    public init(pretty: Bool = false, indentWidth: Int = 2) {
        self.pretty = pretty
        self.indentWidth = indentWidth
    }

    /// The JSON text for `value`.
    public func string(from value: JSONValue) -> String {
        String(decoding: bytes(from: value), as: UTF8.self)
    }

    /// The JSON text for `value` as UTF-8 bytes, for writing to a file or stream without
    /// building a `String` first.
    public func bytes(from value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        write(value, into: &output, depth: 0)
        return output
    }

    /// Appends the JSON text for `value` to `output`.
    public func write(_ value: JSONValue, into output: inout String, depth: Int = 0) {
        var bytes: [UInt8] = []
        write(value, into: &bytes, depth: depth)
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the JSON text for `value` to `output` as UTF-8.
    ///
    /// Everything is written as bytes into one growing array, so the cost is linear in the
    /// size of the output however many characters need escaping.
    public func write(_ value: JSONValue, into output: inout [UInt8], depth: Int = 0) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let text):
            output.append(contentsOf: text.utf8)
        case .string(let text):
            Self.writeString(text, into: &output)
        case .array(let elements):
            if elements.isEmpty {
                output.append(contentsOf: "[]".utf8)
                return
            }
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(into: &output, depth: depth + 1)
                write(element, into: &output, depth: depth + 1)
            }
            newline(into: &output, depth: depth)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty {
                output.append(contentsOf: "{}".utf8)
                return
            }
            output.append(UInt8(ascii: "{"))
            for (index, member) in object.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(into: &output, depth: depth + 1)
                Self.writeString(member.key, into: &output)
                output.append(contentsOf: (pretty ? ": " : ":").utf8)
                write(member.value, into: &output, depth: depth + 1)
            }
            newline(into: &output, depth: depth)
            output.append(UInt8(ascii: "}"))
        }
    }

    private func newline(into output: inout [UInt8], depth: Int) {
        guard pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * indentWidth))
    }

    /// Appends `text` as a quoted, escaped JSON string.
    public static func writeString(_ text: String, into output: inout String) {
        var bytes: [UInt8] = []
        writeString(text, into: &bytes)
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as a quoted, escaped JSON string in UTF-8.
    public static func writeString(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { writeString(utf8: $0, into: &output) }
    }

    /// Works on the string's UTF-8 directly. A first pass measures the escaped text, so the
    /// second writes each byte once into storage of the right size: linear time, and fast even
    /// in a debug build, where every `Array.append` is a call.
    ///
    /// Optimised even in debug builds: unoptimised, the per-byte loop is several times slower,
    /// and a debug build should not take seconds on one hostile 10 MB field.
    @_optimize(speed)
    static func writeString(utf8 bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        let length = escapedLength(of: bytes)
        if length == bytes.count {
            output.reserveCapacity(output.count + length + 2)
            output.append(UInt8(ascii: "\""))
            output.append(contentsOf: bytes)
            output.append(UInt8(ascii: "\""))
            return
        }
        let escaped = [UInt8](unsafeUninitializedCapacity: length + 2) { buffer, initialized in
            // Both exist: at least one byte needed escaping, so neither buffer is empty.
            guard let target = buffer.baseAddress, let source = bytes.baseAddress else { return }
            target[0] = UInt8(ascii: "\"")
            var at = 1
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let (scalar, width) = decode(bytes, at: index)
                if needsEscape(scalar) {
                    (target + at).update(from: source + runStart, count: index - runStart)
                    at += index - runStart
                    at += writeEscape(for: scalar, to: target + at)
                    runStart = index + width
                }
                index += width
            }
            (target + at).update(from: source + runStart, count: bytes.count - runStart)
            at += bytes.count - runStart
            target[at] = UInt8(ascii: "\"")
            initialized = at + 1
        }
        output.append(contentsOf: escaped)
    }

    /// The length of `bytes` once escaped, without the quotes.
    @_optimize(speed)
    private static func escapedLength(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var length = 0
        var index = 0
        while index < bytes.count {
            let (scalar, width) = decode(bytes, at: index)
            length += needsEscape(scalar) ? escapeLength(for: scalar) : width
            index += width
        }
        return length
    }

    /// The scalar starting at `index` and its length in bytes. `String` guarantees valid UTF-8,
    /// so the lead byte alone gives the length.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0 { return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            let value =
                UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                | UInt32(bytes[index + 2] & 0x3F)
            return (value, 3)
        }
        let value =
            UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        return (value, 4)
    }

    /// Whether the scalar with this value must be written as an escape. Plain comparisons
    /// rather than range patterns, which cost a generic call each in a debug build.
    @inline(__always)
    static func needsEscape(_ value: UInt32) -> Bool {
        if value < 0x7F { return value < 0x20 || value == 0x22 || value == 0x5C }
        if value < 0xA0 { return true }
        // Every invisible or directional scalar is at U+061C or above.
        if value < 0x061C { return false }
        return Unicode.Scalar(value).map(UnsafeText.isInvisibleOrDirectional) ?? false
    }

    private static func escapeLength(for value: UInt32) -> Int {
        if value == 0x22 || value == 0x5C || value == 0x0A || value == 0x0D || value == 0x09 { return 2 }
        return value > 0xFFFF ? 12 : 6
    }

    /// Writes the escape for the scalar with this value at `target`; returns its length.
    private static func writeEscape(for value: UInt32, to target: UnsafeMutablePointer<UInt8>) -> Int {
        let short: UInt8
        switch value {
        case 0x22: short = 0x22
        case 0x5C: short = 0x5C
        case 0x0A: short = UInt8(ascii: "n")
        case 0x0D: short = UInt8(ascii: "r")
        case 0x09: short = UInt8(ascii: "t")
        case 0x10000...:
            // The only escaped scalars outside the BMP are tag characters; JSON spells them as
            // a surrogate pair.
            let offset = value - 0x10000
            writeUnicodeEscape(0xD800 + (offset >> 10), to: target)
            writeUnicodeEscape(0xDC00 + (offset & 0x3FF), to: target + 6)
            return 12
        default:
            writeUnicodeEscape(value, to: target)
            return 6
        }
        target[0] = 0x5C
        target[1] = short
        return 2
    }

    private static func writeUnicodeEscape(_ value: UInt32, to target: UnsafeMutablePointer<UInt8>) {
        target[0] = 0x5C
        target[1] = UInt8(ascii: "u")
        target[2] = hexDigit(value >> 12)
        target[3] = hexDigit(value >> 8)
        target[4] = hexDigit(value >> 4)
        target[5] = hexDigit(value)
    }

    @inline(__always)
    private static func hexDigit(_ value: UInt32) -> UInt8 {
        let digit = UInt8(value & 0xF)
        return digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "A") + digit - 10
    }
}

extension JSONValue {
    /// Compact JSON text for this value.
    public var jsonText: String { JSONWriter().string(from: self) }

    /// Indented JSON text for this value, for people to read.
    public var prettyJSONText: String { JSONWriter(pretty: true).string(from: self) }
}
