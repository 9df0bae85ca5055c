import KQL

extension ESQLQuery {
    /// What a document must satisfy to give a row, in terms the scan's KQL prefilter evaluates:
    /// the `WHERE` commands before STATS: their `==` and `IN` on keyword fields, `IS NOT NULL` and
    /// `LIKE` patterns KQL can express, on fields no earlier command replaced. The rest says nothing.
    public var necessaryCondition: KQLRequirement {
        var parts: [KQLRequirement] = []
        var created: Set<String> = []
        // Every row-by-row command before STATS, also past the prepared prefix: a WHERE that calls
        // NOW() still needs its other conjuncts (a comparison with NOW() itself says nothing).
        for command in commands {
            if case .stats = command { break }
            switch command {
            case .filter(let condition):
                parts.append(condition.necessaryCondition(schema: schema, created: created))
            case .eval(let assignments):
                created.formUnion(assignments.map(\.name))
            case .grok(_, let pattern):
                created.formUnion(pattern.captures.map(\.column))
            case .dissect(_, let pattern):
                created.formUnion(pattern.columns)
            case .keep, .stats, .sort:
                break
            }
        }
        return .all(parts)
    }
}

extension ESQLExpression {
    func necessaryCondition(schema: ESQLSchema, created: Set<String>) -> KQLRequirement {
        /// A source keyword field no command has replaced: the document's own values.
        func sourceKeyword(_ name: String) -> Bool {
            !created.contains(name) && schema.type(of: name) == .keyword
        }
        switch self {
        case .and(let left, let right):
            return .all([
                left.necessaryCondition(schema: schema, created: created),
                right.necessaryCondition(schema: schema, created: created),
            ])
        case .or(let left, let right):
            return .any([
                left.necessaryCondition(schema: schema, created: created),
                right.necessaryCondition(schema: schema, created: created),
            ])
        case .comparison(.equal, .column(let name), .literal(.keyword(let value))),
            .comparison(.equal, .literal(.keyword(let value)), .column(let name)):
            return sourceKeyword(name) ? .oneOf(field: name, values: [value]) : .unknown
        case .inList(.column(let name), let list, negated: false):
            guard sourceKeyword(name) else { return .unknown }
            var values: Set<String> = []
            for element in list {
                guard case .literal(.keyword(let value)) = element else { return .unknown }
                values.insert(value)
            }
            return .oneOf(field: name, values: values)
        case .isNull(.column(let name), negated: true):
            return created.contains(name) || schema.type(of: name) == nil ? .unknown : .exists(field: name)
        case .like(.column(let name), let pattern, negated: false):
            guard sourceKeyword(name), let segments = pattern.kqlSegments else { return .unknown }
            return .wildcard(field: name, segments: segments)
        case .kql(let query):
            _ = query
            return .unknown
        default:
            return .unknown
        }
    }
}

extension ESQLWildcardPattern {
    /// The pattern as KQL wildcard segments, when KQL can say the same (only `*`).
    var kqlSegments: [String]? {
        var segments = [""]
        for element in elements {
            switch element {
            case .scalar(let scalar): segments[segments.count - 1].unicodeScalars.append(scalar)
            case .anyRun: segments.append("")
            case .anyOne: return nil
            }
        }
        return segments.count >= 2 ? segments : nil
    }
}
