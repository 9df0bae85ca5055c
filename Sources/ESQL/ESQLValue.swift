/// One ES|QL value: a cell of a row, or the result of an expression.
///
/// A multi-valued cell (a field that held an array) is ``multi(_:)`` with at least two elements; a
/// single element is stored as itself and an empty list as ``null``, so the two spellings of one value
/// never differ. Use ``init(values:)`` to build a cell from a list.
public enum ESQLValue: Sendable, Hashable {
    case null
    case boolean(Bool)
    /// A `long` (ES|QL's `integer` and `long` are both kept as 64-bit integers).
    case integer(Int64)
    case double(Double)
    /// A `keyword` (or `text`) value.
    case keyword(String)
    /// A `date`, as milliseconds since the Unix epoch (UTC).
    case date(Int64)
    /// An `ip`, in its canonical text form (`10.0.0.1`, `2001:db8::1`).
    case ip(String)
    /// A multi-valued cell, two or more non-null, non-multi values.
    case multi([ESQLValue])

    /// Builds a cell from a list of values: nulls are dropped, nested lists flattened, and the
    /// result is ``null``, the single value, or ``multi(_:)``.
    public init(values: [ESQLValue]) {
        var flat: [ESQLValue] = []
        for value in values {
            switch value {
            case .null: continue
            case .multi(let elements): flat.append(contentsOf: elements)
            default: flat.append(value)
            }
        }
        switch flat.count {
        case 0: self = .null
        case 1: self = flat[0]
        default: self = .multi(flat)
        }
    }

    /// The values of the cell: `[]` for null, one element for a single value.
    public var elements: [ESQLValue] {
        switch self {
        case .null: return []
        case .multi(let elements): return elements
        default: return [self]
        }
    }

    /// Whether the value is null.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Whether the cell holds more than one value.
    public var isMultiValued: Bool {
        if case .multi = self { return true }
        return false
    }
}

extension ESQLValue: CustomStringConvertible {
    /// The value as ES|QL prints it: dates in ISO 8601 with milliseconds, lists in brackets.
    public var description: String {
        switch self {
        case .null: return "null"
        case .boolean(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .double(let number): return ESQLValue.javaText(of: number)
        case .keyword(let text): return text
        case .date(let milliseconds): return ESQLDateText.iso8601(milliseconds)
        case .ip(let text): return text
        case .multi(let elements): return "[" + elements.map(\.description).joined(separator: ", ") + "]"
        }
    }

    /// A double as Java's `Double.toString` writes it, which is what ES|QL's `TO_STRING` gives:
    /// `1.0`, `0.5`, and scientific notation outside [10⁻³, 10⁷).
    static func javaText(of number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        if number == 0 { return number.sign == .minus ? "-0.0" : "0.0" }
        let magnitude = abs(number)
        if magnitude >= 1e-3 && magnitude < 1e7 {
            var text = "\(number)"
            if !text.contains(".") && !text.contains("e") { text += ".0" }
            return text
        }
        // Swift writes `1e+20`; Java writes `1.0E20`.
        let text = "\(number)"
        guard let exponentIndex = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        var mantissa = String(text[..<exponentIndex])
        var exponent = String(text[text.index(after: exponentIndex)...])
        if !mantissa.contains(".") { mantissa += ".0" }
        if exponent.hasPrefix("+") { exponent.removeFirst() }
        return mantissa + "E" + exponent
    }
}

extension ESQLValue {
    /// A date value from ISO 8601 text (`2024-05-01T12:00:00Z`, fractions and offsets allowed), as a
    /// `date` field would index it; `nil` when the text is not such a timestamp.
    public init?(iso8601Date text: String) {
        guard let milliseconds = ESQLDateText.milliseconds(from: text) else { return nil }
        self = .date(milliseconds)
    }
}
