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
    /// Whether to finish only the groups whose rows changed since the previous run, when the
    /// query allows it (``ESQLQuery/finishesGroupByGroup``); tests turn it off to compare.
    var finishesChangedGroupsOnly = true

    /// `items` must be in time order.
    func run(_ items: [Item]) -> [Result] {
        if finishesChangedGroupsOnly && query.finishesGroupByGroup {
            return runGroupByGroup(items)
        }
        guard let first = items.first else { return [] }
        var ledger = Ledger()
        var low = 0
        var high = 0
        var end = runs.firstRunEnd(holding: first.time)
        while low < items.count {
            let window = runs.window(endingAt: end)
            while low < items.count && items[low].time < window.lowerBound { low += 1 }
            while high < items.count && items[high].time <= window.upperBound { high += 1 }
            guard low < high else {
                guard high < items.count else { break }
                end = max(runs.nextRunEnd(after: end), runs.firstRunEnd(holding: items[high].time))
                continue
            }
            let inWindow = items[low..<high]
            for returned in query.finish(inWindow.map(\.row), now: end) {
                let payloads = returned.sourceRows.map { inWindow[inWindow.startIndex + $0].payload }
                ledger.returned(returned, key: returned.groupKey ?? [], payloads: payloads)
            }
            end = runs.nextRunEnd(after: end)
        }
        return ledger.results
    }

    /// The same answer as finishing every run's rows, for a query whose result rows each depend on
    /// their own group alone: a run finishes only the groups a row entered or left, and a group no
    /// row entered or left returns what it returned before. With long look-backs (a day, every
    /// hour) each row is in many windows, and this is what keeps the cost near one pass.
    private func runGroupByGroup(_ items: [Item]) -> [Result] {
        guard let first = items.first else { return [] }
        let keysOfItem = items.map { query.groupKeys(of: $0.row) ?? [[]] }
        /// Each group's items in the window: `items[start...]`, oldest first (a queue, so that
        /// items leaving a busy group cost nothing).
        var rowsOfGroup: [[ESQLValue]: (items: [Int], start: Int)] = [:]
        var changed: Set<[ESQLValue]> = []
        var returning: [[ESQLValue]: (row: ESQLRow, payloads: [Int])] = [:]
        var ledger = Ledger()
        var low = 0
        var high = 0
        var end = runs.firstRunEnd(holding: first.time)
        while low < items.count {
            let window = runs.window(endingAt: end)
            while low < items.count && items[low].time < window.lowerBound {
                for key in keysOfItem[low] {
                    // Items leave in the order they entered, so this one is its groups' first.
                    if let queue = rowsOfGroup[key], queue.start < queue.items.count, queue.items[queue.start] == low {
                        rowsOfGroup[key]?.start += 1
                    }
                    changed.insert(key)
                }
                low += 1
            }
            while high < items.count && items[high].time <= window.upperBound {
                for key in keysOfItem[high] {
                    rowsOfGroup[key, default: ([], 0)].items.append(high)
                    changed.insert(key)
                }
                high += 1
            }
            for key in changed {
                guard let queue = rowsOfGroup[key], queue.start < queue.items.count else {
                    rowsOfGroup[key] = nil
                    returning[key] = nil
                    continue
                }
                let rows = queue.items[queue.start...]
                let finished = query.finish(rows.map { items[$0].row }, now: end).first { $0.groupKey == key }
                returning[key] = finished.map { row in
                    (row, row.sourceRows.map { items[rows[rows.startIndex + $0]].payload })
                }
            }
            changed.removeAll(keepingCapacity: true)
            guard low < high else {
                guard high < items.count else { break }
                end = max(runs.nextRunEnd(after: end), runs.firstRunEnd(holding: items[high].time))
                continue
            }
            for (key, returned) in returning {
                ledger.returned(returned.row, key: key, payloads: returned.payloads)
            }
            end = runs.nextRunEnd(after: end)
        }
        return ledger.results
    }
}
