import KQL

/// Translates a parsed KQL query into a SQL condition that is never NULL, keeping the KQL
/// evaluator's semantics: case-sensitive equality, anchored wildcards as `LIKE`, a multi-valued
/// field matching when any value does, `field: *` as "has a value", and `not` as a plain
/// complement that a missing field satisfies.
struct SQLPredicateCompiler {
    let dialect: SQLDialect
    let fields: SQLFieldTable

    init(dialect: SQLDialect) {
        self.dialect = dialect
        self.fields = SQLFieldTable(dialect: dialect)
    }

    /// The condition for `expression`.
    /// - Throws: ``SQLCompileError`` naming the first field SQL cannot read.
    func condition(_ expression: KQLExpression) throws(SQLCompileError) -> String {
        switch expression {
        case .or(let operands):
            return try "(" + operands.map(condition).joined(separator: " OR ") + ")"
        case .and(let operands):
            return try "(" + operands.map(condition).joined(separator: " AND ") + ")"
        case .not(let operand):
            return try "NOT " + condition(operand)
        case .field(let name, let values):
            return try valueCondition(values, field: try field(named: name))
        }
    }

    /// The SQL of a field a rule reads, or the reason it cannot be read.
    func field(named name: String) throws(SQLCompileError) -> SQLField {
        if let reason = SQLFieldTable.refusedFields[name] {
            throw SQLCompileError(reason: "reads \(name), which SQL cannot reproduce: \(reason)")
        }
        guard let field = fields.field(name) else {
            throw SQLCompileError(reason: "reads \(name), which the ECS→SQL field table does not map")
        }
        return field
    }

    private func valueCondition(_ values: KQLValueExpression, field: SQLField) throws(SQLCompileError) -> String {
        switch values {
        case .or(let operands):
            return try "("
                + operands.map { operand throws(SQLCompileError) in
                    try valueCondition(operand, field: field)
                }.joined(separator: " OR ") + ")"
        case .and(let operands):
            return try "("
                + operands.map { operand throws(SQLCompileError) in
                    try valueCondition(operand, field: field)
                }.joined(separator: " AND ") + ")"
        case .not(let operand):
            return try "NOT " + valueCondition(operand, field: field)
        case .test(let valueTest):
            return test(valueTest, on: field)
        }
    }

    /// One value test, made two-valued: a missing field fails the test rather than giving NULL.
    private func test(_ test: KQLValueTest, on field: SQLField) -> String {
        switch field {
        case .scalar(let value):
            switch test {
            case .exists: return "(\(value)) IS NOT NULL"
            default: return "coalesce(\(comparison(test, value: "(\(value))")), false)"
            }
        case .list(let values):
            switch test {
            case .exists: return "coalesce(\(dialect.count(of: values)) > 0, false)"
            default: return "coalesce(\(dialect.anyElement(of: values, comparison(test, value: "x"))), false)"
            }
        }
    }

    private func comparison(_ test: KQLValueTest, value: String) -> String {
        switch test {
        case .exists:
            return "\(value) IS NOT NULL"
        case .exact(let expected):
            return "\(value) = \(dialect.literal(expected.text))"
        case .wildcard(let pattern):
            return "\(value) LIKE \(dialect.literal(Self.likePattern(pattern.segments))) ESCAPE '!'"
        }
    }

    /// The LIKE pattern of a KQL wildcard: `*` becomes `%`, and `%`, `_` and the escape
    /// character `!` in the literal runs are escaped, so they match only themselves. `!` is the
    /// escape in both dialects because it needs no escaping inside either's string literals.
    static func likePattern(_ segments: [String]) -> String {
        segments.map { segment in
            var out = ""
            for character in segment {
                if character == "%" || character == "_" || character == "!" { out.append("!") }
                out.append(character)
            }
            return out
        }.joined(separator: "%")
    }
}
