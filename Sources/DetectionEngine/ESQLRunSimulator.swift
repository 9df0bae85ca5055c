import ESQL

/// Runs an aggregating ES|QL query over prepared rows, one simulated rule run at a time.
///
/// Each run finishes the rows whose time falls in its window. Kibana's id for an aggregating
/// alert hashes the run, so overlapping runs alert again on the same group; here a group that a
/// later run returns again from some of the same rows is one result whose run count goes up, and
/// only a group returned from rows it shares nothing with is a new result.
struct ESQLRunSimulator {
    struct Item {
        var time: Int64
        var row: ESQLRow
        var payload: Int
    }

    struct Result {
        var row: ESQLRow
        /// The payloads of the rows behind the group the first time it was returned.
        var members: [Int]
        var runCount: Int
        /// The group's BY keys (empty for a STATS without BY).
        var groupKey: [ESQLValue]
    }

    /// The results so far, and what each group last returned from which rows: a group returned
    /// again from rows it shares with its last result is a repeat (its run count goes up).
    struct Ledger {
        var results: [Result] = []
        private var lastByGroup: [[ESQLValue]: (result: Int, payloads: Set<Int>)] = [:]

        mutating func returned(_ row: ESQLRow, key: [ESQLValue], payloads: [Int]) {
            let members = Set(payloads)
            if let previous = lastByGroup[key], !previous.payloads.isDisjoint(with: members) {
                results[previous.result].runCount += 1
                lastByGroup[key] = (previous.result, previous.payloads.union(members))
                return
            }
            lastByGroup[key] = (results.count, members)
            results.append(Result(row: row, members: payloads, runCount: 1, groupKey: key))
        }
    }

    let query: ESQLQuery
    let runs: RuleRuns
    /// Whether to keep the window's aggregates up to date as rows enter and leave, when the query
    /// allows it (``ESQLWindowAggregator``), rather than finish every run's rows; tests turn it off
    /// to compare.
    var aggregatesIncrementally = true

    /// `items` must be in time order.
    func run(_ items: [Item]) -> [Result] {
        guard let first = items.first else { return [] }
        var aggregator = aggregatesIncrementally ? ESQLWindowAggregator(query) : nil
        var ledger = Ledger()
        var low = 0
        var high = 0
        var end = runs.firstRunEnd(holding: first.time)
        while low < items.count {
            let window = runs.window(endingAt: end)
            while low < items.count && items[low].time < window.lowerBound {
                aggregator?.remove(id: low)
                low += 1
            }
            let entering = high
            while high < items.count && items[high].time <= window.upperBound { high += 1 }
            guard low < high else {
                guard high < items.count else { break }
                end = max(runs.nextRunEnd(after: end), runs.firstRunEnd(holding: items[high].time))
                continue
            }
            // Source rows count from `firstSource`: the aggregator's are item indices, a batch's
            // positions in the window.
            let returned: [ESQLRow]
            var firstSource = 0
            if aggregator != nil {
                aggregator?.add((max(entering, low)..<high).map { ($0, items[$0].row) })
                returned = aggregator?.finish(now: end) ?? []
            } else {
                returned = query.finish(items[low..<high].map(\.row), now: end)
                firstSource = low
            }
            for row in returned {
                let payloads = row.sourceRows.map { items[firstSource + $0].payload }
                ledger.returned(row, key: row.groupKey ?? [], payloads: payloads)
            }
            end = runs.nextRunEnd(after: end)
        }
        return ledger.results
    }
}
