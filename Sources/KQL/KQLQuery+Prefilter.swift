extension KQLQuery {
    /// Exact values of `field` that every matching document must hold at least one of.
    ///
    /// Use this to skip documents cheaply before full evaluation, for example by indexing events on
    /// `event.action`. For `event.action: ("A" or "B") and event.outcome: success` the result for
    /// `event.action` is `["A", "B"]`.
    ///
    /// The answer is sound: no document the query matches is ever excluded. It is `nil` whenever the
    /// query does not pin the field to exact values, for example when the field is tested with a
    /// wildcard or `*`, only under `not`, or when an `or` has a branch that does not test it.
    ///
    /// - Parameter field: The field name, exactly as written in the query.
    /// - Returns: The set of values, or `nil` when no such set can be derived.
    public func requiredExactValues(for field: String) -> Set<String>? {
        root.requiredExactValues(for: field)
    }
}

extension KQLExpression {
    func requiredExactValues(for field: String) -> Set<String>? {
        switch self {
        case .or(let operands):
            // Every branch must pin the field, otherwise a document could match through the others.
            var union: Set<String> = []
            for operand in operands {
                guard let values = operand.requiredExactValues(for: field) else {
                    return nil
                }
                union.formUnion(values)
            }
            return union
        case .and(let operands):
            // Any one pinned conjunct is sound on its own. Intersecting them would not be: on a
            // multi-valued field `f: a and f: b` is satisfied by one document holding both values.
            return operands.lazy
                .compactMap { $0.requiredExactValues(for: field) }
                .min { $0.count < $1.count }
        case .not:
            return nil
        case .field(let name, let values):
            return name == field ? values.requiredExactValues() : nil
        }
    }
}

extension KQLValueExpression {
    func requiredExactValues() -> Set<String>? {
        switch self {
        case .or(let operands):
            var union: Set<String> = []
            for operand in operands {
                guard let values = operand.requiredExactValues() else {
                    return nil
                }
                union.formUnion(values)
            }
            return union
        case .and(let operands):
            // Each operand is tested against the whole value list, so the same reasoning as for
            // query-level `and` applies.
            return operands.lazy
                .compactMap { $0.requiredExactValues() }
                .min { $0.count < $1.count }
        case .not:
            return nil
        case .test(.exact(let value)):
            return [value.text]
        case .test(.exists), .test(.wildcard):
            return nil
        }
    }
}
