/// A test on one keyword value of a field, as Elasticsearch pushes it down into a query.
///
/// Exact comparisons work on UTF-8 bytes, as keyword terms do (no Unicode normalisation, no case
/// folding unless the test says so).
enum EQLValueTest: Sendable {
    /// `==` and `in`: the value is one of these strings.
    case equals([String])
    /// `:`, `like` and `like~`: the whole value matches one of these wildcard patterns.
    case wildcard([EQLWildcardPattern])
    /// `regex` and `regex~`: the whole value matches one of these Lucene regexes.
    case regex([EQLLuceneRegex])
    /// `stringContains(field, "c")`: the wildcard `*c*` built from the constant without escaping
    /// it; nil for an empty constant, which matches nothing.
    case contains(EQLWildcardPattern?)
    /// `startsWith(field, "p")`: the value begins with these bytes.
    case prefix(String)

    func matches(_ value: String) -> Bool {
        switch self {
        case .equals(let constants):
            return constants.contains { value.utf8.elementsEqual($0.utf8) }
        case .wildcard(let patterns):
            return patterns.contains { $0.matches(value) }
        case .regex(let regexes):
            return regexes.contains { $0.matches(value) }
        case .contains(let pattern):
            return pattern?.matches(value) ?? false
        case .prefix(let prefix):
            return value.utf8.starts(with: prefix.utf8)
        }
    }
}
