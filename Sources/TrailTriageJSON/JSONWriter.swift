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
        var output = ""
        write(value, into: &output, depth: 0)
        return output
    }

    /// Appends the JSON text for `value` to `output`.
    public func write(_ value: JSONValue, into output: inout String, depth: Int = 0) {
        switch value {
        case .null:
            output += "null"
        case .bool(let flag):
            output += flag ? "true" : "false"
        case .number(let text):
            output += text
        case .string(let text):
            Self.writeString(text, into: &output)
        case .array(let elements):
            if elements.isEmpty {
                output += "[]"
                return
            }
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                newline(into: &output, depth: depth + 1)
                write(element, into: &output, depth: depth + 1)
            }
            newline(into: &output, depth: depth)
            output += "]"
        case .object(let object):
            if object.isEmpty {
                output += "{}"
                return
            }
            output += "{"
            for (index, member) in object.enumerated() {
                if index > 0 { output += "," }
                newline(into: &output, depth: depth + 1)
                Self.writeString(member.key, into: &output)
                output += pretty ? ": " : ":"
                write(member.value, into: &output, depth: depth + 1)
            }
            newline(into: &output, depth: depth)
            output += "}"
        }
    }

    private func newline(into output: inout String, depth: Int) {
        guard pretty else { return }
        output += "\n"
        output += String(repeating: " ", count: depth * indentWidth)
    }

    /// Appends `text` as a quoted, escaped JSON string.
    public static func writeString(_ text: String, into output: inout String) {
        output += "\""
        var pendingStart = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            if let escape = escapeSequence(for: scalar) {
                output.unicodeScalars.append(contentsOf: scalars[pendingStart..<index])
                output += escape
                pendingStart = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        output.unicodeScalars.append(contentsOf: scalars[pendingStart..<scalars.endIndex])
        output += "\""
    }

    /// The escape to write instead of `scalar`, or `nil` when it is safe as it is.
    @inline(__always)
    static func escapeSequence(for scalar: Unicode.Scalar) -> String? {
        let value = scalar.value
        switch value {
        case 0x22: return "\\\""
        case 0x5C: return "\\\\"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x00..<0x20, 0x7F..<0xA0:
            return unicodeEscape(value)
        case 0x20..<0x7F:
            return nil
        default:
            return UnsafeText.isInvisibleOrDirectional(scalar) ? unicodeEscape(value) : nil
        }
    }

    static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension JSONValue {
    /// Compact JSON text for this value.
    public var jsonText: String { JSONWriter().string(from: self) }

    /// Indented JSON text for this value, for people to read.
    public var prettyJSONText: String { JSONWriter(pretty: true).string(from: self) }
}
