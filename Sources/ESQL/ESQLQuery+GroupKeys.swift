extension ESQLQuery {
    /// Whether a run's result can be computed group by group: the commands after the prepared
    /// prefix start with the one `STATS` and none of them calls `NOW()`. Then each result row
    /// depends only on the prepared rows of its group, so a simulated run need only finish the
    /// groups whose rows changed since the previous run.
    public var finishesGroupByGroup: Bool {
        let rest = commands.dropFirst(prefixLength)
        guard case .stats = rest.first else { return false }
        let statsCount = rest.filter { if case .stats = $0 { return true } else { return false } }.count
        return statsCount == 1 && !rest.contains { $0.expressions.contains(where: \.callsNow) }
    }

    /// The `STATS … BY` groups a prepared row falls in (one per combination of its key values: a
    /// multi-valued key puts it in several), as ``ESQLRow/groupKey`` names them; `nil` unless
    /// ``finishesGroupByGroup``.
    public func groupKeys(of row: ESQLRow) -> [[ESQLValue]]? {
        guard finishesGroupByGroup, case .stats(let stats) = commands.dropFirst(prefixLength).first else {
            return nil
        }
        return ESQLAggregation.keys(of: stats, reader: ESQLRowReader(row: row), evaluator: ESQLEvaluator(now: nil))
    }
}
