extension ESQLExpression {
    /// The operands of the top-level `AND`s, left to right (the expression itself when it is not
    /// an `AND`).
    var conjuncts: [ESQLExpression] {
        guard case .and(let left, let right) = self else { return [self] }
        return left.conjuncts + right.conjuncts
    }

    /// The `AND` of some conditions, `nil` for none. Evaluation has no side effects, so the order
    /// of the operands changes nothing but which one short-circuits.
    static func conjunction(_ conditions: [ESQLExpression]) -> ESQLExpression? {
        guard var combined = conditions.first else { return nil }
        for condition in conditions.dropFirst() { combined = .and(combined, condition) }
        return combined
    }
}
