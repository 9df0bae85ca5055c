/// The answer of a query over a document known only in part: a match, no match, or "cannot tell
/// without the rest of the document".
///
/// Combined with Kleene's three-valued logic, so that `unknown and fails` is `fails` and
/// `unknown or matches` is `matches`: a verdict other than ``unknown`` never depends on the
/// fields that were not known.
public enum KQLTruth: Sendable, Hashable {
    case matches
    case fails
    case unknown

    init(_ value: Bool) {
        self = value ? .matches : .fails
    }

    var negated: KQLTruth {
        switch self {
        case .matches: .fails
        case .fails: .matches
        case .unknown: .unknown
        }
    }
}
