extension EQLQuery {
    /// The values `field` must have for an event to match this query, or any stage of its
    /// sequence: each value is compared exactly (`==`, `in`). `nil` when the query does not pin
    /// the field that way (case-insensitive `:`, wildcards, `not` and the like).
    ///
    /// A scan uses it to index the rule and rule records out before mapping them; it is a
    /// necessary condition only, never a substitute for evaluating the query.
    public func requiredValues(for field: String) -> Set<String>? {
        if let sequence {
            var union: Set<String> = []
            for stage in sequence.stages {
                guard let values = stage.condition.requiredValues(for: field) else { return nil }
                union.formUnion(values)
            }
            return union
        }
        return filter?.condition.requiredValues(for: field)
    }
}

extension EQLCondition {
    func requiredValues(for field: String) -> Set<String>? {
        switch self {
        case .all(let conditions):
            return conditions.lazy.compactMap { $0.requiredValues(for: field) }.min { $0.count < $1.count }
        case .any(let conditions):
            var union: Set<String> = []
            for condition in conditions {
                guard let values = condition.requiredValues(for: field) else { return nil }
                union.formUnion(values)
            }
            return union
        case .not, .fieldPair:
            return nil
        case .field(let path, .equals(let values)):
            return path == field ? Set(values) : nil
        case .field:
            return nil
        }
    }
}
