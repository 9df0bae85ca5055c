/// The scalar functions the AWS rules use (`NOW()` and `KQL()` are expressions of their own).
enum ESQLScalarFunction: String, Sendable, CaseIterable {
    case caseWhen = "CASE"
    case dateTrunc = "DATE_TRUNC"
    case coalesce = "COALESCE"
    case concat = "CONCAT"
    case dateDiff = "DATE_DIFF"
    case startsWith = "STARTS_WITH"
    case endsWith = "ENDS_WITH"
    case fromBase64 = "FROM_BASE64"
    case toLower = "TO_LOWER"
    case toString = "TO_STRING"
    case toDouble = "TO_DOUBLE"
    case mvCount = "MV_COUNT"
    case mvFirst = "MV_FIRST"

    /// The number of arguments the function takes.
    var arity: ClosedRange<Int> {
        switch self {
        case .caseWhen: return 2...Int.max
        case .coalesce: return 1...Int.max
        case .concat: return 2...Int.max
        case .dateTrunc, .startsWith, .endsWith: return 2...2
        case .dateDiff: return 3...3
        case .fromBase64, .toLower, .toString, .toDouble, .mvCount, .mvFirst: return 1...1
        }
    }
}

/// The aggregate functions of `STATS` the AWS rules use.
enum ESQLAggregateFunction: String, Sendable, CaseIterable {
    case values = "VALUES"
    case count = "COUNT"
    case countDistinct = "COUNT_DISTINCT"
    case max = "MAX"
    case min = "MIN"
    case sum = "SUM"
}
