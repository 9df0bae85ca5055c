/// Evaluates expressions with ES|QL's null and multi-value rules: a null operand gives null, most
/// operators and scalar functions give null for a multi-valued operand, and logic is three-valued.
struct ESQLEvaluator {
    /// The end of the rule run, for `NOW()`; `nil` while preparing rows (the prefix never calls it).
    var now: Int64?

    func evaluate(_ expression: ESQLExpression, _ reader: some ESQLColumnReader) -> ESQLValue {
        switch expression {
        case .literal(let value): return value
        case .timeSpan(let milliseconds): return .integer(milliseconds)
        case .column(let name): return reader.value(of: name)
        case .now: return now.map(ESQLValue.date) ?? .null
        case .kql(let query): return reader.matches(query).map(ESQLValue.boolean) ?? .null
        case .function(let function, let arguments): return call(function, arguments, reader)
        case .arithmetic(let operation, let left, let right): return arithmetic(operation, left, right, reader)
        case .negate(let inner):
            switch evaluate(inner, reader) {
            case .integer(let number): return number == .min ? .null : .integer(-number)
            case .double(let number): return .double(-number)
            default: return .null
            }
        case .comparison(let operation, let left, let right):
            let leftValue = evaluate(left, reader)
            let rightValue = evaluate(right, reader)
            guard let order = ESQLOrdering.compare(leftValue, rightValue) else { return .null }
            return .boolean(operation.holds(order))
        case .and(let left, let right):
            let leftTruth = truth(evaluate(left, reader))
            if leftTruth == false { return .boolean(false) }
            let rightTruth = truth(evaluate(right, reader))
            if rightTruth == false { return .boolean(false) }
            return leftTruth == true && rightTruth == true ? .boolean(true) : .null
        case .or(let left, let right):
            let leftTruth = truth(evaluate(left, reader))
            if leftTruth == true { return .boolean(true) }
            let rightTruth = truth(evaluate(right, reader))
            if rightTruth == true { return .boolean(true) }
            return leftTruth == false && rightTruth == false ? .boolean(false) : .null
        case .not(let inner):
            return truth(evaluate(inner, reader)).map { .boolean(!$0) } ?? .null
        case .isNull(let inner, let negated):
            return .boolean(evaluate(inner, reader).isNull != negated)
        case .inList(let inner, let list, let negated):
            let result = membership(evaluate(inner, reader), list, reader)
            return result.map { .boolean($0 != negated) } ?? .null
        case .like(let inner, let pattern, let negated):
            guard case .keyword(let text) = evaluate(inner, reader) else { return .null }
            return .boolean(pattern.matches(text) != negated)
        case .rlike(let inner, let regex, let negated):
            guard case .keyword(let text) = evaluate(inner, reader) else { return .null }
            return .boolean(regex.wholeMatches(text) != negated)
        }
    }

    /// `true`, `false`, or `nil` for null (and for anything that is not a single boolean).
    func truth(_ value: ESQLValue) -> Bool? {
        if case .boolean(let flag) = value { return flag }
        return nil
    }

    private func membership(_ value: ESQLValue, _ list: [ESQLExpression], _ reader: some ESQLColumnReader) -> Bool? {
        if value.isNull || value.isMultiValued { return nil }
        var sawNull = false
        for element in list {
            let candidate = evaluate(element, reader)
            if let order = ESQLOrdering.compare(value, candidate) {
                if order == 0 { return true }
            } else {
                sawNull = true
            }
        }
        return sawNull ? nil : false
    }

    private func arithmetic(
        _ operation: ESQLArithmeticOperator, _ left: ESQLExpression, _ right: ESQLExpression,
        _ reader: some ESQLColumnReader
    ) -> ESQLValue {
        // Date ± time span.
        if case .timeSpan(let span) = right, operation == .add || operation == .subtract {
            guard case .date(let date) = evaluate(left, reader) else { return .null }
            let (result, overflow) =
                operation == .add ? date.addingReportingOverflow(span) : date.subtractingReportingOverflow(span)
            return overflow ? .null : .date(result)
        }
        if case .timeSpan(let span) = left, operation == .add {
            guard case .date(let date) = evaluate(right, reader) else { return .null }
            let (result, overflow) = date.addingReportingOverflow(span)
            return overflow ? .null : .date(result)
        }
        let leftValue = evaluate(left, reader)
        let rightValue = evaluate(right, reader)
        switch (leftValue, rightValue) {
        case (.integer(let a), .integer(let b)):
            let result: (partialValue: Int64, overflow: Bool)
            switch operation {
            case .add: result = a.addingReportingOverflow(b)
            case .subtract: result = a.subtractingReportingOverflow(b)
            case .multiply: result = a.multipliedReportingOverflow(by: b)
            case .divide:
                guard b != 0 else { return .null }
                result = a.dividedReportingOverflow(by: b)
            case .modulo:
                guard b != 0 else { return .null }
                result = a.remainderReportingOverflow(dividingBy: b)
            }
            return result.overflow ? .null : .integer(result.partialValue)
        case (.integer, .double), (.double, .integer), (.double, .double):
            guard let a = Self.double(leftValue), let b = Self.double(rightValue) else { return .null }
            let result: Double
            switch operation {
            case .add: result = a + b
            case .subtract: result = a - b
            case .multiply: result = a * b
            case .divide:
                guard b != 0 else { return .null }
                result = a / b
            case .modulo:
                guard b != 0 else { return .null }
                result = a.truncatingRemainder(dividingBy: b)
            }
            return result.isFinite ? .double(result) : .null
        default:
            return .null
        }
    }

    static func double(_ value: ESQLValue) -> Double? {
        switch value {
        case .integer(let number): return Double(number)
        case .double(let number): return number
        default: return nil
        }
    }
}
