/// The three-valued truth of an EQL condition.
///
/// Tests Elasticsearch pushes down as queries are only ever true or false (a missing field makes
/// them false, and `not` of them true, as `must_not` does). Tests it evaluates as scripts, such as
/// `stringContains` with a field as its second argument, are null when an argument is null, and
/// `not null` stays null: an event matches only when its condition is true.
enum EQLTruth: Sendable, Equatable {
    case `true`
    case `false`
    case null

    init(_ value: Bool) {
        self = value ? .true : .false
    }

    var negated: EQLTruth {
        switch self {
        case .true: .false
        case .false: .true
        case .null: .null
        }
    }
}
