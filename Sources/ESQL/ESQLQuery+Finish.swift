extension ESQLQuery {
    /// One command over a batch of rows.
    static func run(_ command: ESQLCommand, on rows: [ESQLRow], evaluator: ESQLEvaluator) -> [ESQLRow] {
        switch command {
        case .filter(let condition):
            return rows.filter { evaluator.truth(evaluator.evaluate(condition, ESQLRowReader(row: $0))) == true }
        case .eval(let assignments):
            return appending(assignments.map(\.name), to: rows) { row in
                var reader = ESQLRowReader(row: row)
                return assignments.map { assignment in
                    let value = evaluator.evaluate(assignment.expression, reader)
                    reader.overrides[assignment.name] = value
                    return value
                }
            }
        case .grok(let input, let pattern):
            return appending(pattern.captures.map(\.column), to: rows) { row in
                let text = singleKeyword(evaluator.evaluate(input, ESQLRowReader(row: row)))
                return text.map(pattern.extract) ?? pattern.captures.map { _ in .null }
            }
        case .dissect(let input, let pattern):
            return appending(pattern.columns, to: rows) { row in
                let text = singleKeyword(evaluator.evaluate(input, ESQLRowReader(row: row)))
                return text.map(pattern.extract) ?? pattern.columns.map { _ in .null }
            }
        case .keep(let kept):
            let layout = ESQLColumnLayout(kept)
            return rows.map { row in ESQLRow(layout: layout, values: kept.map { row[$0] ?? .null }, carrying: row) }
        case .stats(let stats):
            return ESQLAggregation(stats: stats, evaluator: evaluator).run(rows)
        case .sort(let keys):
            return sort(rows, by: keys, evaluator: evaluator)
        }
    }

    /// Adds columns computed per row (an existing column of the same name moves to the end).
    private static func appending(
        _ names: [String], to rows: [ESQLRow], compute: (ESQLRow) -> [ESQLValue]
    ) -> [ESQLRow] {
        var cachedInput: ESQLColumnLayout?
        var cachedOutput = ESQLColumnLayout([])
        var keptPositions: [Int] = []
        let created = Set(names)
        var uniqueNames: [String] = []
        for name in names {
            uniqueNames.removeAll { $0 == name }
            uniqueNames.append(name)
        }
        return rows.map { row in
            if cachedInput !== row.layout {
                cachedInput = row.layout
                keptPositions = row.layout.names.indices.filter { !created.contains(row.layout.names[$0]) }
                cachedOutput = ESQLColumnLayout(keptPositions.map { row.layout.names[$0] } + uniqueNames)
            }
            let computed = compute(row)
            var byName: [String: ESQLValue] = [:]
            for (name, value) in zip(names, computed) { byName[name] = value }
            let values = keptPositions.map { row.values[$0] } + uniqueNames.map { byName[$0] ?? .null }
            return ESQLRow(layout: cachedOutput, values: values, carrying: row)
        }
    }

    /// ES|QL's SORT: a multi-valued key sorts by its smallest value ascending and its largest
    /// descending; nulls go last ascending and first descending unless NULLS FIRST/LAST says so.
    /// Rows with equal keys keep their order.
    private static func sort(_ rows: [ESQLRow], by keys: [ESQLSortKey], evaluator: ESQLEvaluator) -> [ESQLRow] {
        let keyed = rows.enumerated().map { position, row in
            (
                position, row,
                keys.map { key -> ESQLValue in
                    let elements = evaluator.evaluate(key.expression, ESQLRowReader(row: row)).elements
                    let ordered = elements.sorted { ESQLOrdering.total($0, $1) < 0 }
                    return (key.descending ? ordered.last : ordered.first) ?? .null
                }
            )
        }
        let sorted = keyed.sorted { left, right in
            for (index, key) in keys.enumerated() {
                let a = left.2[index]
                let b = right.2[index]
                if a.isNull != b.isNull { return a.isNull == key.nullsFirst }
                if a.isNull { continue }
                let order = ESQLOrdering.total(a, b)
                if order != 0 { return key.descending ? order > 0 : order < 0 }
            }
            return left.0 < right.0
        }
        return sorted.map(\.1)
    }
}
