extension ESQLEvaluator {
    func call(_ function: ESQLScalarFunction, _ arguments: [ESQLExpression], _ reader: some ESQLColumnReader)
        -> ESQLValue
    {
        switch function {
        case .caseWhen:
            var index = 0
            while index + 1 < arguments.count {
                if truth(evaluate(arguments[index], reader)) == true { return evaluate(arguments[index + 1], reader) }
                index += 2
            }
            return index < arguments.count ? evaluate(arguments[index], reader) : .null
        case .coalesce:
            for argument in arguments {
                let value = evaluate(argument, reader)
                if !value.isNull { return value }
            }
            return .null
        case .concat:
            var text = ""
            for argument in arguments {
                guard let part = Self.singleText(evaluate(argument, reader)) else { return .null }
                text += part
            }
            return .keyword(text)
        case .dateTrunc:
            guard case .timeSpan(let span) = arguments[0], span > 0,
                case .date(let date) = evaluate(arguments[1], reader)
            else { return .null }
            return .date(ESQLDateText.floorDivide(date, span) * span)
        case .dateDiff:
            guard case .timeSpan(let unit) = arguments[0], unit > 0,
                case .date(let start) = evaluate(arguments[1], reader),
                case .date(let end) = evaluate(arguments[2], reader)
            else { return .null }
            // Whole units, truncated towards zero.
            let (difference, overflow) = end.subtractingReportingOverflow(start)
            return overflow ? .null : .integer(difference / unit)
        case .startsWith, .endsWith:
            guard case .keyword(let text) = evaluate(arguments[0], reader),
                case .keyword(let affix) = evaluate(arguments[1], reader)
            else { return .null }
            if function == .startsWith { return .boolean(text.utf8.starts(with: affix.utf8)) }
            return .boolean(text.utf8.reversed().starts(with: affix.utf8.reversed()))
        case .fromBase64:
            guard case .keyword(let text) = evaluate(arguments[0], reader),
                let bytes = ESQLBase64.decode(text)
            else { return .null }
            return .keyword(String(decoding: bytes, as: UTF8.self))
        case .toLower:
            guard case .keyword(let text) = evaluate(arguments[0], reader) else { return .null }
            return .keyword(text.lowercased())
        case .toString:
            let value = evaluate(arguments[0], reader)
            return ESQLValue(values: value.elements.compactMap { Self.singleText($0).map(ESQLValue.keyword) })
        case .toDouble:
            let value = evaluate(arguments[0], reader)
            return ESQLValue(values: value.elements.compactMap { Self.toDouble($0).map(ESQLValue.double) })
        case .mvCount:
            let value = evaluate(arguments[0], reader)
            return value.isNull ? .null : .integer(Int64(value.elements.count))
        case .mvFirst:
            return evaluate(arguments[0], reader).elements.first ?? .null
        }
    }

    /// A single value as text (`TO_STRING`, `CONCAT`); `nil` for null and multi-values.
    static func singleText(_ value: ESQLValue) -> String? {
        switch value {
        case .null, .multi: return nil
        default: return value.description
        }
    }

    private static func toDouble(_ value: ESQLValue) -> Double? {
        switch value {
        case .integer(let number): return Double(number)
        case .double(let number): return number
        case .boolean(let flag): return flag ? 1 : 0
        case .date(let milliseconds): return Double(milliseconds)
        case .keyword(let text):
            // Java's parseDouble, which ES|QL uses, ignores surrounding blanks.
            let trimmed = text.drop { $0 == " " }
            return Double(String(trimmed.reversed().drop { $0 == " " }.reversed()))
        case .ip, .null, .multi: return nil
        }
    }
}
