/// An aggregating query's rest (what ``ESQLQuery/finish(_:now:)`` runs) over a sliding run window,
/// kept up to date as rows enter and leave instead of aggregated again for every run.
///
/// A rule that looks back a week every hour has each row in 168 runs; finishing every run's rows
/// costs 168 aggregations per row, and this one.
///
/// ``finish(now:)`` returns what ``ESQLQuery/finish(_:now:)`` returns for the rows added and not
/// removed, in the order of their ids, except that a row's ``ESQLRow/sourceRows`` are the ids of the
/// added rows behind it. It handles a rest of this shape, and ``init(_:)`` is `nil` for any other:
/// - row-by-row commands, where `NOW()` appears only in `WHERE` conjuncts such as
///   `@timestamp >= NOW() - 7 days` (each added row stops passing them at a known run end);
/// - then one `STATS` that does not call `NOW()`;
/// - then any commands: they run each time over the groups' rows, which are few.
///
/// Groups whose running aggregates cannot promise the batch answer (see ``ESQLRunningAggregate``)
/// are aggregated from their rows again when they change.
public struct ESQLWindowAggregator: Sendable {
    /// A row-by-row command before STATS.
    private enum Step: Sendable {
        case command(ESQLCommand)
        /// A `WHERE` calling `NOW()`: its other conjuncts, and its recency conditions.
        case recent(ESQLExpression?, [ESQLRecencyCondition])
    }

    private enum Status {
        /// Counted in its groups.
        case held
        /// Added, but past a recency condition's last run end.
        case expired
        case removed
    }

    /// An added row that passed the steps. Its keys and aggregate inputs are worked out again when
    /// it leaves rather than kept: a week-long window holds every row of the week, and keeping
    /// them cost more memory than the rows themselves.
    private struct Entry {
        let id: Int
        /// `nil` once removed.
        var row: ESQLRow?
        /// The last run end at which the row passes its recency conditions (`.max` without any).
        let deadline: Int64
        var status: Status
    }

    private struct Group {
        var aggregates: [ESQLRunningAggregate]
        /// Entry numbers, ascending; some may no longer be held (they are dropped when the row is
        /// built again). A row in the group through two of its key values is listed twice.
        var members: [Int] = []
        var held = 0
        /// The group's STATS row, until the group changes.
        var cached: ESQLRow?

        mutating func apply(_ inputs: [ESQLValue?], adding: Bool) {
            held += adding ? 1 : -1
            cached = nil
            for index in inputs.indices {
                guard let input = inputs[index] else { continue }
                if adding {
                    aggregates[index].add(input)
                } else {
                    aggregates[index].remove(input)
                }
            }
        }
    }

    private let stats: ESQLStats
    private let steps: [Step]
    private let commandsAfterStats: [ESQLCommand]
    private let output: ESQLAggregation.Output
    private let freshAggregates: [ESQLRunningAggregate]
    /// Run ends below this make `NOW() - span` overflow for the longest recency span, and the
    /// conditions null; `.min` without recency conditions.
    private let earliestComparableEnd: Int64
    private var entries: [Entry] = []
    private var entryOfID: [Int: Int] = [:]
    private var groups: [[ESQLValue]: Group] = [:]
    private var deadlines = ESQLDeadlineQueue()
    private var lastEnd: Int64?

    /// An aggregator for `query`'s rest, or `nil` when the rest is not of the shape above.
    public init?(_ query: ESQLQuery) {
        let rest = Array(query.commands.dropFirst(query.prefixLength))
        guard let statsIndex = rest.firstIndex(where: { if case .stats = $0 { true } else { false } }),
            case .stats(let stats) = rest[statsIndex], !rest[statsIndex].expressions.contains(where: \.callsNow)
        else { return nil }
        var steps: [Step] = []
        var longestSpan: Int64?
        for command in rest[..<statsIndex] {
            guard command.isRowByRow else { return nil }
            guard command.expressions.contains(where: \.callsNow) else {
                steps.append(.command(command))
                continue
            }
            guard case .filter(let condition) = command else { return nil }
            var timeless: [ESQLExpression] = []
            var bounds: [ESQLRecencyCondition] = []
            for conjunct in condition.conjuncts {
                if !conjunct.callsNow {
                    timeless.append(conjunct)
                } else if let bound = ESQLRecencyCondition(conjunct) {
                    bounds.append(bound)
                    longestSpan = max(longestSpan ?? 0, bound.span)
                } else {
                    return nil
                }
            }
            steps.append(.recent(.conjunction(timeless), bounds))
        }
        self.stats = stats
        self.steps = steps
        commandsAfterStats = Array(rest[(statsIndex + 1)...])
        output = ESQLAggregation.Output(stats)
        freshAggregates = stats.aggregates.map {
            ESQLRunningAggregate(function: $0.function, countsRows: $0.argument == nil)
        }
        earliestComparableEnd = longestSpan.map { Int64.min + $0 } ?? .min
    }

    /// Adds one row (from ``ESQLQuery/prepare(_:metadata:)``). Ids are unique and grow from one
    /// added row to the next.
    public mutating func add(_ row: ESQLRow, id: Int) {
        add([(id, row)])
    }

    /// Adds rows, in id order (cheaper than one at a time: commands before STATS run once over them).
    public mutating func add(_ rows: [(id: Int, row: ESQLRow)]) {
        let evaluator = ESQLEvaluator(now: nil)
        var ids = rows.map(\.id)
        var current = rows.map(\.row)
        var deadlines = [Int64](repeating: .max, count: rows.count)
        for step in steps {
            var kept: [Int] = []
            switch step {
            case .command(.filter(let condition)):
                kept = current.indices.filter {
                    evaluator.truth(evaluator.evaluate(condition, ESQLRowReader(row: current[$0]))) == true
                }
            case .command(let command):
                // Row by row and not a filter: one row out for each row in, in order.
                current = ESQLQuery.run(command, on: current, evaluator: evaluator)
                continue
            case .recent(let timeless, let bounds):
                for index in current.indices {
                    let reader = ESQLRowReader(row: current[index])
                    if let timeless, evaluator.truth(evaluator.evaluate(timeless, reader)) != true { continue }
                    var deadline = deadlines[index]
                    for bound in bounds {
                        deadline = min(
                            deadline, bound.lastHoldingEnd(for: evaluator.evaluate(bound.value, reader)) ?? .min)
                    }
                    guard deadline > .min else { continue }
                    deadlines[index] = deadline
                    kept.append(index)
                }
            }
            ids = kept.map { ids[$0] }
            current = kept.map { current[$0] }
            deadlines = kept.map { deadlines[$0] }
        }
        for index in current.indices {
            if entryOfID[ids[index]] != nil { remove(id: ids[index]) }
            let number = entries.count
            entries.append(Entry(id: ids[index], row: current[index], deadline: deadlines[index], status: .held))
            entryOfID[ids[index]] = number
            contribute(number)
        }
    }

    /// Removes a row added before; nothing for an id never added or dropped by a `WHERE`.
    public mutating func remove(id: Int) {
        guard let number = entryOfID.removeValue(forKey: id) else { return }
        if entries[number].status == .held { withdraw(number) }
        entries[number].status = .removed
        // The entry's number must stay; what it holds need not.
        entries[number].row = nil
    }

    /// The rest of the query over the rows held, for the run ending at `now`.
    public mutating func finish(now: Int64) -> [ESQLRow] {
        if now < (lastEnd ?? now) || min(now, lastEnd ?? now) < earliestComparableEnd {
            // A run end going back, or one for which the recency conditions are null: what expired
            // may pass again, so count everything afresh.
            regroup(at: now)
        } else {
            while let number = deadlines.popEntry(before: now) {
                guard entries[number].status == .held else { continue }
                withdraw(number)
                entries[number].status = .expired
            }
        }
        lastEnd = now
        if stats.groups.isEmpty && groups[[]] == nil {
            groups[[]] = Group(aggregates: freshAggregates)
        }
        var order: [(first: Int, index: Dictionary<[ESQLValue], Group>.Index)] = []
        for index in groups.indices {
            if groups.values[index].cached == nil {
                groups.values[index].cached = statsRow(of: index)
            }
            order.append((groups.values[index].members.first ?? -1, index))
        }
        // Groups come out in the order STATS first meets them: by their first row, then by where
        // the key is among that row's keys (a multi-valued key gives a row several).
        order.sort { $0.first < $1.first }
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && order[end].first == order[start].first { end += 1 }
            if end - start > 1 && order[start].first >= 0 {
                let keys = keys(of: order[start].first)
                order[start..<end].sort { left, right in
                    (keys.firstIndex(of: groups.keys[left.index]) ?? 0)
                        < (keys.firstIndex(of: groups.keys[right.index]) ?? 0)
                }
            }
            start = end
        }
        var rows = order.compactMap { groups.values[$0.index].cached }
        let evaluator = ESQLEvaluator(now: now)
        for command in commandsAfterStats {
            rows = ESQLQuery.run(command, on: rows, evaluator: evaluator)
        }
        return rows
    }

    /// A group's STATS row: from its running aggregates, or from its rows when those are not exact.
    private mutating func statsRow(of index: Dictionary<[ESQLValue], Group>.Index) -> ESQLRow? {
        let key = groups.keys[index]
        groups.values[index].members.removeAll { entries[$0].status != .held }
        let members = groups.values[index].members
        var row: ESQLRow?
        if groups.values[index].aggregates.allSatisfy(\.isExact) {
            var results: [ESQLValue] = []
            for position in groups.values[index].aggregates.indices {
                results.append(groups.values[index].aggregates[position].result())
            }
            row = output.row(results: results, key: key)
        } else {
            // Each row once (a row listed twice is in the group through two key values).
            var distinct: [Int] = []
            for member in members where member != distinct.last { distinct.append(member) }
            row = ESQLAggregation(stats: stats, evaluator: ESQLEvaluator(now: nil))
                .run(distinct.compactMap { entries[$0].row })
                .first { $0.groupKey == key }
        }
        row?.sourceRows = members.map { entries[$0].id }
        return row
    }

    private mutating func contribute(_ number: Int) {
        let (keys, inputs) = keysAndInputs(of: number)
        for key in keys {
            groups[key, default: Group(aggregates: freshAggregates)].members.append(number)
            groups[key]?.apply(inputs, adding: true)
        }
        let deadline = entries[number].deadline
        if deadline < .max { deadlines.insert(deadline: deadline, entry: number) }
    }

    private mutating func withdraw(_ number: Int) {
        let (keys, inputs) = keysAndInputs(of: number)
        for key in keys {
            groups[key]?.apply(inputs, adding: false)
            // An empty group is gone (or, without BY, starts afresh: exact again if it was not).
            if groups[key]?.held == 0 { groups[key] = stats.groups.isEmpty ? Group(aggregates: freshAggregates) : nil }
        }
    }

    /// The STATS groups an entry's row is in.
    private func keys(of number: Int) -> [[ESQLValue]] {
        guard let row = entries[number].row else { return [] }
        return ESQLAggregation.keys(of: stats, reader: ESQLRowReader(row: row), evaluator: ESQLEvaluator(now: nil))
    }

    /// The groups an entry's row is in and what it feeds each aggregate (the same every time:
    /// STATS does not call `NOW()`).
    private func keysAndInputs(of number: Int) -> (keys: [[ESQLValue]], inputs: [ESQLValue?]) {
        guard let row = entries[number].row else { return ([], []) }
        let inputs = ESQLAggregation.inputs(
            of: stats, reader: ESQLRowReader(row: row), evaluator: ESQLEvaluator(now: nil))
        return (keys(of: number), inputs)
    }

    /// Counts every added row again: those passing their recency conditions at `end`.
    private mutating func regroup(at end: Int64) {
        groups = [:]
        deadlines.removeAll()
        for number in entries.indices where entries[number].status != .removed {
            // Without recency conditions the deadline is `.max` and the earliest end `.min`.
            let passes = end >= earliestComparableEnd && end <= entries[number].deadline
            entries[number].status = passes ? .held : .expired
            if passes { contribute(number) }
        }
    }
}
