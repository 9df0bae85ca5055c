import KQL

/// A parsed ES|QL expression. Column names are checked against the pipeline's columns at parse
/// time, so evaluation never meets an unknown name.
indirect enum ESQLExpression: Sendable {
    case literal(ESQLValue)
    /// A fixed-length time span such as `5 minute`, in milliseconds; only meaningful in date
    /// arithmetic and as `DATE_TRUNC`'s interval.
    case timeSpan(Int64)
    case column(String)
    /// `NOW()`: the end of the simulated rule run.
    case now
    case function(ESQLScalarFunction, [ESQLExpression])
    case arithmetic(ESQLArithmeticOperator, ESQLExpression, ESQLExpression)
    case negate(ESQLExpression)
    case comparison(ESQLComparisonOperator, ESQLExpression, ESQLExpression)
    case and(ESQLExpression, ESQLExpression)
    case or(ESQLExpression, ESQLExpression)
    case not(ESQLExpression)
    case isNull(ESQLExpression, negated: Bool)
    case inList(ESQLExpression, [ESQLExpression], negated: Bool)
    case like(ESQLExpression, ESQLWildcardPattern, negated: Bool)
    case rlike(ESQLExpression, ESQLCompiledRegex, negated: Bool)
    /// `KQL("…")`: a KQL query run against the row's source document.
    case kql(KQLQuery)

    /// Every column the expression reads.
    var columnsRead: Set<String> {
        var names: Set<String> = []
        collect(into: &names)
        return names
    }

    /// Whether evaluating the expression needs `NOW()`.
    var callsNow: Bool {
        switch self {
        case .now: return true
        case .literal, .timeSpan, .column, .kql: return false
        case .function(_, let arguments): return arguments.contains { $0.callsNow }
        case .arithmetic(_, let left, let right), .comparison(_, let left, let right), .and(let left, let right),
            .or(let left, let right):
            return left.callsNow || right.callsNow
        case .negate(let inner), .not(let inner), .isNull(let inner, _), .like(let inner, _, _),
            .rlike(let inner, _, _):
            return inner.callsNow
        case .inList(let inner, let list, _): return inner.callsNow || list.contains { $0.callsNow }
        }
    }

    /// Whether the expression calls `KQL()`, which needs the source document.
    var callsKQL: Bool {
        switch self {
        case .kql: return true
        case .literal, .timeSpan, .column, .now: return false
        case .function(_, let arguments): return arguments.contains { $0.callsKQL }
        case .arithmetic(_, let left, let right), .comparison(_, let left, let right), .and(let left, let right),
            .or(let left, let right):
            return left.callsKQL || right.callsKQL
        case .negate(let inner), .not(let inner), .isNull(let inner, _), .like(let inner, _, _),
            .rlike(let inner, _, _):
            return inner.callsKQL
        case .inList(let inner, let list, _): return inner.callsKQL || list.contains { $0.callsKQL }
        }
    }

    /// The KQL queries inside the expression (their fields are read from the document).
    var kqlQueries: [KQLQuery] {
        switch self {
        case .kql(let query): return [query]
        case .literal, .timeSpan, .column, .now: return []
        case .function(_, let arguments): return arguments.flatMap(\.kqlQueries)
        case .arithmetic(_, let left, let right), .comparison(_, let left, let right), .and(let left, let right),
            .or(let left, let right):
            return left.kqlQueries + right.kqlQueries
        case .negate(let inner), .not(let inner), .isNull(let inner, _), .like(let inner, _, _),
            .rlike(let inner, _, _):
            return inner.kqlQueries
        case .inList(let inner, let list, _): return inner.kqlQueries + list.flatMap(\.kqlQueries)
        }
    }

    private func collect(into names: inout Set<String>) {
        switch self {
        case .column(let name): names.insert(name)
        case .literal, .timeSpan, .now, .kql: break
        case .function(_, let arguments): for argument in arguments { argument.collect(into: &names) }
        case .arithmetic(_, let left, let right), .comparison(_, let left, let right), .and(let left, let right),
            .or(let left, let right):
            left.collect(into: &names)
            right.collect(into: &names)
        case .negate(let inner), .not(let inner), .isNull(let inner, _), .like(let inner, _, _),
            .rlike(let inner, _, _):
            inner.collect(into: &names)
        case .inList(let inner, let list, _):
            inner.collect(into: &names)
            for element in list { element.collect(into: &names) }
        }
    }
}

/// `+ - * / %`.
enum ESQLArithmeticOperator: String, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case modulo = "%"
}

/// `== != < <= > >=`.
enum ESQLComparisonOperator: String, Sendable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    func holds(_ order: Int) -> Bool {
        switch self {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        }
    }
}
