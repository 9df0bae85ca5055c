/// One aggregate of one `STATS` group over rows that enter and leave, as a sliding run window
/// needs: ``add(_:)`` and ``remove(_:)`` take a row's input (what ``ESQLAggregation`` would feed
/// its accumulator), and ``result()`` is what the batch accumulator gives for the rows held.
///
/// Where the batch answer depends on the order the rows came in, or could overflow on the way, a
/// running state cannot promise it; ``isExact`` then turns false and the group must be aggregated
/// from its rows again (the batch way) until it empties:
/// - `MIN`/`MAX` over anything but one type of boolean, integer or date (the batch keeps the first
///   of values that compare equal, or skips values that do not compare);
/// - `SUM` over doubles (float sums depend on order), or over integers too large to rule out an
///   overflow of some partial sum;
/// - `VALUES`/`COUNT_DISTINCT` over NaN (which equals nothing, not even itself).
struct ESQLRunningAggregate {
    let function: ESQLAggregateFunction
    /// `COUNT(*)`: every row counts once, whatever its input.
    let countsRows: Bool
    private(set) var isExact = true
    private var count: Int64 = 0
    /// How many times each value is held (VALUES, COUNT_DISTINCT, MIN, MAX).
    private var multiplicity: [ESQLValue: Int] = [:]
    /// MIN/MAX of the held values; `nil` when it must be found again (it left).
    private var extreme: ESQLValue?
    /// VALUES's sorted answer, until a value comes or goes (busy groups mostly repeat values, and
    /// sorting them again for every run was a tenth of a week-long rule's time).
    private var sortedValues: ESQLValue?
    /// The one type MIN/MAX has seen (see ``ordersExactly(_:)``).
    private var kind: Kind?
    private var sum: Int64 = 0
    /// The elements SUM has seen (the batch's answer is null for none).
    private var summed = 0

    /// Integers up to 2^40 in at most 2^22 rows cannot overflow a 64-bit partial sum in any order.
    private static let largestExactAddend: Int64 = 1 << 40
    private static let mostExactAddends = 1 << 22

    init(function: ESQLAggregateFunction, countsRows: Bool) {
        self.function = function
        self.countsRows = countsRows
    }

    mutating func add(_ value: ESQLValue) {
        update(value, by: 1)
    }

    mutating func remove(_ value: ESQLValue) {
        update(value, by: -1)
    }

    private mutating func update(_ value: ESQLValue, by step: Int) {
        guard isExact else { return }
        if countsRows {
            count += Int64(step)
            return
        }
        for element in value.elements {
            switch function {
            case .count:
                count += Int64(step)
            case .countDistinct, .values:
                if case .double(let number) = element, number.isNaN {
                    isExact = false
                    return
                }
                count(element, by: step)
            case .min, .max:
                guard ordersExactly(element) else {
                    isExact = false
                    return
                }
                count(element, by: step)
                if step > 0 {
                    if let current = extreme, let order = ESQLOrdering.compare(element, current),
                        function == .min ? order < 0 : order > 0
                    {
                        extreme = element
                    } else if multiplicity.count == 1 {
                        extreme = element
                    }
                } else if multiplicity[element] == nil && extreme == element {
                    extreme = nil
                }
            case .sum:
                guard case .integer(let number) = element else {
                    if case .double = element {
                        isExact = false
                        return
                    }
                    summed += step
                    continue
                }
                guard number.magnitude <= Self.largestExactAddend.magnitude, summed < Self.mostExactAddends else {
                    isExact = false
                    return
                }
                sum += Int64(step) * number
                summed += step
            }
        }
    }

    private mutating func count(_ element: ESQLValue, by step: Int) {
        let before = multiplicity[element, default: 0]
        let held = before + step
        multiplicity[element] = held > 0 ? held : nil
        if (before == 0) != (held <= 0) { sortedValues = nil }
    }

    private enum Kind {
        case boolean, integer, date
    }

    /// Whether MIN/MAX over `element` and the values before it needs no order: one type in which
    /// values that compare equal are the same value.
    private mutating func ordersExactly(_ element: ESQLValue) -> Bool {
        let elementKind: Kind
        switch element {
        case .boolean: elementKind = .boolean
        case .integer: elementKind = .integer
        case .date: elementKind = .date
        default: return false
        }
        if kind == nil { kind = elementKind }
        return kind == elementKind
    }

    /// The batch accumulator's answer for the values held (meaningful while ``isExact``).
    mutating func result() -> ESQLValue {
        if countsRows { return .integer(count) }
        switch function {
        case .count:
            return .integer(count)
        case .countDistinct:
            return .integer(Int64(multiplicity.count))
        case .values:
            if let sortedValues { return sortedValues }
            let sorted = ESQLValue(values: multiplicity.keys.sorted { ESQLOrdering.total($0, $1) < 0 })
            sortedValues = sorted
            return sorted
        case .min, .max:
            if extreme == nil {
                extreme = multiplicity.keys.min { left, right in
                    let order = ESQLOrdering.compare(left, right) ?? 0
                    return function == .min ? order < 0 : order > 0
                }
            }
            return extreme ?? .null
        case .sum:
            return summed > 0 ? .integer(sum) : .null
        }
    }
}
