/// A single test applied to one value of a field.
public enum KQLValueTest: Hashable, Sendable {
    /// `field: *`: the field holds at least one value.
    case exists
    /// A quoted value, or an unquoted one without wildcards: byte-for-byte equality.
    case exact(KQLExactValue)
    /// An unquoted value with at least one unescaped `*`, anchored at both ends.
    case wildcard(KQLWildcardPattern)
}

extension KQLValueTest {
    func matchesAny(of values: [String]) -> Bool {
        switch self {
        case .exists:
            return !values.isEmpty
        case .exact(let expected):
            for value in values where expected.matches(value) {
                return true
            }
            return false
        case .wildcard(let pattern):
            for value in values where pattern.matches(value) {
                return true
            }
            return false
        }
    }
}
