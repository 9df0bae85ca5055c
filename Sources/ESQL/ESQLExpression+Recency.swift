/// A condition of the form `value >= NOW() - span` (or `>`, or written the other way round): it
/// holds while the run's end is at most `value + span`, so as runs move on it only ever turns from
/// true to false. Rules write it as `@timestamp >= NOW() - 7 days`.
struct ESQLRecencyCondition: Sendable {
    /// What is compared with `NOW() - span`; it never calls `NOW()`.
    let value: ESQLExpression
    let span: Int64
    /// `>` rather than `>=`.
    let strict: Bool

    init?(_ condition: ESQLExpression) {
        guard case .comparison(let operation, let left, let right) = condition else { return nil }
        switch operation {
        case .greaterOrEqual, .greater:
            guard let span = Self.nowMinusSpan(right), !left.callsNow else { return nil }
            self.init(value: left, span: span, strict: operation == .greater)
        case .lessOrEqual, .less:
            guard let span = Self.nowMinusSpan(left), !right.callsNow else { return nil }
            self.init(value: right, span: span, strict: operation == .less)
        case .equal, .notEqual:
            return nil
        }
    }

    private init(value: ESQLExpression, span: Int64, strict: Bool) {
        self.value = value
        self.span = span
        self.strict = strict
    }

    private static func nowMinusSpan(_ expression: ESQLExpression) -> Int64? {
        guard case .arithmetic(.subtract, .now, .timeSpan(let span)) = expression, span >= 0 else { return nil }
        return span
    }

    /// The last run end at which the condition holds for a row whose `value` is `evaluated`; `nil`
    /// when it holds at none (a null, multi-valued or non-date value compares as null). Valid for
    /// run ends from which `span` can be subtracted without overflow.
    func lastHoldingEnd(for evaluated: ESQLValue) -> Int64? {
        // The other side is a date, and only a date or a keyword holding one compares with a date.
        guard let milliseconds = Self.date(evaluated) else { return nil }
        // value >= end - span  ⇔  end <= value + span;  value > end - span  ⇔  end < value + span.
        let (sum, overflow) = milliseconds.addingReportingOverflow(span)
        if overflow { return .max }
        guard strict else { return sum }
        return sum == .min ? nil : sum - 1
    }

    private static func date(_ value: ESQLValue) -> Int64? {
        switch value {
        case .date(let milliseconds): return milliseconds
        case .keyword(let text): return ESQLDateText.milliseconds(from: text)
        default: return nil
        }
    }
}
