/// One processing command of a pipeline (after `FROM`).
enum ESQLCommand: Sendable {
    case filter(ESQLExpression)
    /// `EVAL name = expression, …`, evaluated left to right (later ones see earlier ones).
    case eval([(name: String, expression: ESQLExpression)])
    /// `KEEP …`, resolved at parse time to the columns it keeps, in output order.
    case keep([String])
    case stats(ESQLStats)
    case sort([ESQLSortKey])
    case grok(ESQLExpression, ESQLGrokPattern)
    case dissect(ESQLExpression, ESQLDissectPattern)

    /// Whether the command works on one row at a time.
    var isRowByRow: Bool {
        switch self {
        case .filter, .eval, .keep, .grok, .dissect: return true
        case .stats, .sort: return false
        }
    }

    /// Every column the command reads (for `KEEP`, the columns it keeps).
    var columnsRead: Set<String> {
        switch self {
        case .filter(let condition): return condition.columnsRead
        case .eval(let assignments): return assignments.reduce(into: []) { $0.formUnion($1.expression.columnsRead) }
        case .keep(let columns): return Set(columns)
        case .stats(let stats): return stats.columnsRead
        case .sort(let keys): return keys.reduce(into: []) { $0.formUnion($1.expression.columnsRead) }
        case .grok(let input, _), .dissect(let input, _): return input.columnsRead
        }
    }

    /// Every expression of the command (to look for `NOW()` and `KQL()`).
    var expressions: [ESQLExpression] {
        switch self {
        case .filter(let condition): return [condition]
        case .eval(let assignments): return assignments.map(\.expression)
        case .keep: return []
        case .stats(let stats):
            return stats.aggregates.flatMap { [$0.argument, $0.filter].compactMap { $0 } }
                + stats.groups.map(\.expression)
        case .sort(let keys): return keys.map(\.expression)
        case .grok(let input, _), .dissect(let input, _): return [input]
        }
    }
}

/// `STATS aggregates BY groups`.
struct ESQLStats: Sendable {
    var aggregates: [ESQLAggregate]
    var groups: [(name: String, expression: ESQLExpression)]

    var columnsRead: Set<String> {
        var names: Set<String> = []
        for aggregate in aggregates {
            if let argument = aggregate.argument { names.formUnion(argument.columnsRead) }
            if let filter = aggregate.filter { names.formUnion(filter.columnsRead) }
        }
        for group in groups { names.formUnion(group.expression.columnsRead) }
        return names
    }
}

/// One aggregate of `STATS`: `name = FUNCTION(argument) [WHERE filter]`.
struct ESQLAggregate: Sendable {
    var name: String
    var function: ESQLAggregateFunction
    /// `nil` for `COUNT(*)` and `COUNT()`.
    var argument: ESQLExpression?
    var filter: ESQLExpression?
}

/// One key of `SORT`.
struct ESQLSortKey: Sendable {
    var expression: ESQLExpression
    var descending: Bool
    /// ES|QL's default puts nulls last ascending and first descending.
    var nullsFirst: Bool
}
