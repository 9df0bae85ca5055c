/// `STATS … BY …` over a batch of rows.
///
/// A row goes to the group of every combination of its key values: a multi-valued key puts it in
/// one group per value, a null key in the null group. Without BY there is exactly one group, even
/// for no rows. Groups come out in the order they were first seen; each result row has the
/// aggregates, then the keys.
struct ESQLAggregation {
    let stats: ESQLStats
    let evaluator: ESQLEvaluator

    func run(_ rows: [ESQLRow]) -> [ESQLRow] {
        // Groups in first-seen order; each key is hashed once per row, not once per aggregate.
        var order: [[ESQLValue]] = []
        var slots: [[ESQLValue]: Int] = [:]
        var accumulators: [[Accumulator]] = []
        var sources: [[Int]] = []
        let fresh = stats.aggregates.map { Accumulator(function: $0.function) }
        func slot(for key: [ESQLValue]) -> Int {
            if let existing = slots[key] { return existing }
            let created = accumulators.count
            slots[key] = created
            order.append(key)
            accumulators.append(fresh)
            sources.append([])
            return created
        }
        if stats.groups.isEmpty {
            _ = slot(for: [])
        }
        for row in rows {
            let reader = ESQLRowReader(row: row)
            let keys = Self.keys(of: stats, reader: reader, evaluator: evaluator)
            let inputs = Self.inputs(of: stats, reader: reader, evaluator: evaluator)
            for key in keys {
                let group = slot(for: key)
                sources[group].append(contentsOf: row.sourceRows)
                for index in inputs.indices {
                    guard let input = inputs[index] else { continue }
                    accumulators[group][index].add(input, countsRows: stats.aggregates[index].argument == nil)
                }
            }
        }
        let output = Output(stats)
        return order.indices.map { group in
            var row = output.row(results: accumulators[group].map(\.result), key: order[group])
            row.sourceRows = sources[group]
            return row
        }
    }

    /// The shape of STATS's result rows: the aggregates, then the keys, where a later column of the
    /// same name replaces an earlier one (and takes its place at the end).
    struct Output {
        let layout: ESQLColumnLayout
        /// For each result column, where its value is in aggregates-then-keys order.
        private let positions: [Int]

        init(_ stats: ESQLStats) {
            let names = stats.aggregates.map(\.name) + stats.groups.map(\.name)
            var columns: [String] = []
            var positions: [Int] = []
            for (position, name) in names.enumerated() {
                if let earlier = columns.firstIndex(of: name) {
                    columns.remove(at: earlier)
                    positions.remove(at: earlier)
                }
                columns.append(name)
                positions.append(position)
            }
            layout = ESQLColumnLayout(columns)
            self.positions = positions
        }

        /// A group's result row from its aggregates' results (in STATS order) and its keys.
        func row(results: [ESQLValue], key: [ESQLValue]) -> ESQLRow {
            let values = results + key
            var row = ESQLRow(layout: layout, values: positions.map { values[$0] })
            row.groupKey = key
            return row
        }
    }

    /// The groups a row falls in: one per combination of its key values (a multi-valued key
    /// puts it in one group per value, a null key in the null group).
    static func keys(of stats: ESQLStats, reader: ESQLRowReader, evaluator: ESQLEvaluator) -> [[ESQLValue]] {
        var keys: [[ESQLValue]] = [[]]
        for group in stats.groups {
            let value = evaluator.evaluate(group.expression, reader)
            let choices = value.isNull ? [ESQLValue.null] : value.elements
            keys = keys.flatMap { prefix in choices.map { prefix + [$0] } }
        }
        return keys
    }

    /// What a row feeds each aggregate: its argument's value (true for `COUNT(*)`), or `nil` when
    /// the aggregate's `WHERE` does not hold for the row.
    static func inputs(of stats: ESQLStats, reader: ESQLRowReader, evaluator: ESQLEvaluator) -> [ESQLValue?] {
        stats.aggregates.map { aggregate in
            if let filter = aggregate.filter, evaluator.truth(evaluator.evaluate(filter, reader)) != true {
                return nil
            }
            return aggregate.argument.map { evaluator.evaluate($0, reader) } ?? .boolean(true)
        }
    }

    /// The running state of one aggregate in one group.
    struct Accumulator {
        let function: ESQLAggregateFunction
        var count: Int64 = 0
        var distinct: Set<ESQLValue> = []
        var extreme: ESQLValue = .null
        var integerSum: Int64 = 0
        var doubleSum: Double = 0
        var sawDouble = false
        var sawValue = false
        var overflowed = false

        init(function: ESQLAggregateFunction) {
            self.function = function
        }

        mutating func add(_ value: ESQLValue, countsRows: Bool) {
            if countsRows {
                count += 1
                return
            }
            for element in value.elements {
                switch function {
                case .count:
                    count += 1
                case .countDistinct, .values:
                    distinct.insert(element)
                case .min, .max:
                    if extreme.isNull {
                        extreme = element
                    } else if let order = ESQLOrdering.compare(element, extreme),
                        function == .min ? order < 0 : order > 0
                    {
                        extreme = element
                    }
                case .sum:
                    sawValue = true
                    switch element {
                    case .integer(let number):
                        let (sum, overflow) = integerSum.addingReportingOverflow(number)
                        integerSum = sum
                        overflowed = overflowed || overflow
                        doubleSum += Double(number)
                    case .double(let number):
                        sawDouble = true
                        doubleSum += number
                    default:
                        break
                    }
                }
            }
        }

        var result: ESQLValue {
            switch function {
            case .count: return .integer(count)
            case .countDistinct: return .integer(Int64(distinct.count))
            case .values: return ESQLValue(values: distinct.sorted { ESQLOrdering.total($0, $1) < 0 })
            case .min, .max: return extreme
            case .sum:
                guard sawValue else { return .null }
                if sawDouble { return .double(doubleSum) }
                return overflowed ? .null : .integer(integerSum)
            }
        }
    }
}
