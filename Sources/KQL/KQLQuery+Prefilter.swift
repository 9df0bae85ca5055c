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

/// Values a field must take for a query to match: one of the exact values, or a value starting
/// with one of the prefixes (from trailing-wildcard tests such as `Describe*`).
public struct KQLRequiredValues: Sendable, Hashable {
    public var exact: Set<String>
    public var prefixes: Set<String>

    public init(exact: Set<String> = [], prefixes: Set<String> = []) {
        self.exact = exact
        self.prefixes = prefixes
    }

    var count: Int { exact.count + prefixes.count }

    mutating func formUnion(_ other: KQLRequiredValues) {
        exact.formUnion(other.exact)
        prefixes.formUnion(other.prefixes)
    }
}

extension KQLQuery {
    /// Like ``requiredExactValues(for:)``, but also accepting prefix tests (`field: Invoke*`), so
    /// rules on a family of actions can be indexed too. Sound in the same way: a document the
    /// query matches always holds a value that equals one exact value or starts with one prefix.
    public func requiredValues(for field: String) -> KQLRequiredValues? {
        root.requiredValues(for: field)
    }
}

extension KQLExpression {
    func requiredValues(for field: String) -> KQLRequiredValues? {
        switch self {
        case .or(let operands):
            var union = KQLRequiredValues()
            for operand in operands {
                guard let values = operand.requiredValues(for: field) else { return nil }
                union.formUnion(values)
            }
            return union
        case .and(let operands):
            return operands.lazy.compactMap { $0.requiredValues(for: field) }.min { $0.count < $1.count }
        case .not:
            return nil
        case .field(let name, let values):
            return name == field ? values.requiredValues() : nil
        }
    }
}

extension KQLValueExpression {
    func requiredValues() -> KQLRequiredValues? {
        switch self {
        case .or(let operands):
            var union = KQLRequiredValues()
            for operand in operands {
                guard let values = operand.requiredValues() else { return nil }
                union.formUnion(values)
            }
            return union
        case .and(let operands):
            return operands.lazy.compactMap { $0.requiredValues() }.min { $0.count < $1.count }
        case .not:
            return nil
        case .test(.exact(let value)):
            return KQLRequiredValues(exact: [value.text])
        case .test(.wildcard(let pattern)):
            // Only a pattern that is a plain prefix (`P*`) narrows the values usefully; an empty
            // prefix (`*x`) would admit everything.
            guard !pattern.prefix.isEmpty, pattern.middle.isEmpty, pattern.suffix.isEmpty else { return nil }
            return KQLRequiredValues(prefixes: [String(decoding: pattern.prefix, as: UTF8.self)])
        case .test(.exists):
            return nil
        }
    }
}
