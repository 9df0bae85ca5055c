import TrailTriageJSON

/// The ES|QL type an index mapping gives a field, which decides how a document's JSON becomes a value.
public enum ESQLFieldType: String, Sendable, Hashable {
    case keyword
    case long
    case double
    case date
    case ip
    case boolean

    /// The column value of a field from its JSON leaves, as Elasticsearch's doc values give it:
    /// leaves that do not convert are dropped (as `ignore_malformed` would), keyword and ip values are
    /// de-duplicated and sorted, numbers, dates and booleans sorted.
    func columnValue(from leaves: [JSONValue]) -> ESQLValue {
        var values: [ESQLValue] = []
        values.reserveCapacity(leaves.count)
        for leaf in leaves {
            if let value = value(of: leaf) { values.append(value) }
        }
        guard values.count > 1 else { return values.first ?? .null }
        values.sort { ESQLOrdering.total($0, $1) < 0 }
        if self == .keyword || self == .ip {
            var unique: [ESQLValue] = []
            for value in values where unique.last != value { unique.append(value) }
            values = unique
        }
        return ESQLValue(values: values)
    }

    /// One JSON leaf as a value of this type; `nil` when it does not convert (objects, bad numbers).
    func value(of leaf: JSONValue) -> ESQLValue? {
        switch (self, leaf) {
        case (_, .null), (_, .object), (_, .array):
            return nil
        case (.keyword, _):
            return leaf.scalarText.map(ESQLValue.keyword)
        case (.long, .number(let text)), (.long, .string(let text)):
            if let integer = Int64(text) { return .integer(integer) }
            // Elasticsearch truncates a fractional number indexed into a long field.
            if let real = Double(text), real.isFinite, abs(real) < 9.2e18 { return .integer(Int64(real)) }
            return nil
        case (.double, .number(let text)), (.double, .string(let text)):
            return Double(text).map(ESQLValue.double)
        case (.date, .string(let text)):
            return ESQLDateText.milliseconds(from: text).map(ESQLValue.date)
        case (.date, .number(let text)):
            return Int64(text).map(ESQLValue.date)
        case (.ip, .string(let text)):
            return ESQLIPAddress(text).map { .ip($0.text) }
        case (.boolean, .bool(let flag)):
            return .boolean(flag)
        case (.boolean, .string(let text)):
            return text == "true" ? .boolean(true) : text == "false" ? .boolean(false) : nil
        default:
            return nil
        }
    }
}
