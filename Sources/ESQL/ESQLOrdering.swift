/// Comparing values: the three-valued comparison of expressions and the total order of sorting.
enum ESQLOrdering {
    /// Compares two single values as `<`, `==` and friends do: negative, zero or positive, or `nil`
    /// when either side is null or multi-valued or the types do not compare. A keyword compares with
    /// a date or an ip by reading the text as one (ES|QL converts string literals that way).
    static func compare(_ left: ESQLValue, _ right: ESQLValue) -> Int? {
        switch (left, right) {
        case (.integer(let a), .integer(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.integer(let a), .double(let b)): return order(Double(a), b)
        case (.double(let a), .integer(let b)): return order(a, Double(b))
        case (.double(let a), .double(let b)): return order(a, b)
        case (.keyword(let a), .keyword(let b)): return bytes(a, b)
        case (.boolean(let a), .boolean(let b)): return a == b ? 0 : (a ? 1 : -1)
        case (.date(let a), .date(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.date(let a), .keyword(let text)):
            return ESQLDateText.milliseconds(from: text).map { a < $0 ? -1 : (a == $0 ? 0 : 1) }
        case (.keyword(let text), .date(let b)):
            return ESQLDateText.milliseconds(from: text).map { $0 < b ? -1 : ($0 == b ? 0 : 1) }
        case (.ip(let a), .ip(let b)), (.ip(let a), .keyword(let b)), (.keyword(let a), .ip(let b)):
            guard let first = ESQLIPAddress(a), let second = ESQLIPAddress(b) else { return nil }
            return first < second ? -1 : (first == second ? 0 : 1)
        default: return nil
        }
    }

    /// A total order over all values (nulls last), used to sort multi-values and `VALUES` results
    /// deterministically. Values of one type order as ``compare(_:_:)`` orders them.
    static func total(_ left: ESQLValue, _ right: ESQLValue) -> Int {
        let leftRank = rank(left)
        let rightRank = rank(right)
        if leftRank != rightRank { return leftRank < rightRank ? -1 : 1 }
        if case .multi(let a) = left, case .multi(let b) = right {
            for (x, y) in zip(a, b) {
                let result = total(x, y)
                if result != 0 { return result }
            }
            return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
        }
        return compare(left, right) ?? 0
    }

    private static func rank(_ value: ESQLValue) -> Int {
        switch value {
        case .boolean: return 0
        case .integer, .double: return 1
        case .date: return 2
        case .ip: return 3
        case .keyword: return 4
        case .multi: return 5
        case .null: return 6
        }
    }

    private static func order(_ a: Double, _ b: Double) -> Int? {
        if a.isNaN || b.isNaN { return nil }
        return a < b ? -1 : (a == b ? 0 : 1)
    }

    /// Keywords order by their UTF-8 bytes, as Lucene's terms do.
    private static func bytes(_ a: String, _ b: String) -> Int {
        if a.utf8.elementsEqual(b.utf8) { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    }
}
