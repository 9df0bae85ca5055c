extension ESQLQuery {
    /// The keyword values `field` must have for a document to give a row: what the leading
    /// `WHERE` commands pin with `==` or `IN` before any command could have replaced the column.
    /// `nil` when they do not pin it that way.
    ///
    /// A scan uses it to index the rule and rule records out before mapping them; it is a
    /// necessary condition only, never a substitute for running the query.
    public func requiredValues(for field: String) -> Set<String>? {
        var best: Set<String>?
        for command in commands.prefix(prefixLength) {
            switch command {
            case .filter(let condition):
                if let values = condition.requiredValues(for: field), values.count < (best?.count ?? .max) {
                    best = values
                }
            case .eval(let assignments):
                if assignments.contains(where: { $0.name == field }) { return best }
            case .grok(_, let pattern):
                if pattern.captures.contains(where: { $0.column == field }) { return best }
            case .dissect(_, let pattern):
                if pattern.columns.contains(field) { return best }
            case .keep(let kept):
                if !kept.contains(field) { return best }
            case .stats, .sort:
                return best
            }
        }
        return best
    }
}

extension ESQLExpression {
    /// The values a true condition needs `field` to have; `==` and `IN` on a keyword are true only
    /// for a single value equal to a listed one, so the field then holds one of those values.
    func requiredValues(for field: String) -> Set<String>? {
        switch self {
        case .and(let left, let right):
            let pinned = [left.requiredValues(for: field), right.requiredValues(for: field)].compactMap { $0 }
            return pinned.min { $0.count < $1.count }
        case .or(let left, let right):
            guard let leftValues = left.requiredValues(for: field),
                let rightValues = right.requiredValues(for: field)
            else { return nil }
            return leftValues.union(rightValues)
        case .comparison(.equal, .column(let name), .literal(.keyword(let value))),
            .comparison(.equal, .literal(.keyword(let value)), .column(let name)):
            return name == field ? [value] : nil
        case .inList(.column(let name), let list, negated: false):
            guard name == field else { return nil }
            var values: Set<String> = []
            for element in list {
                guard case .literal(.keyword(let value)) = element else { return nil }
                values.insert(value)
            }
            return values
        default:
            return nil
        }
    }
}
