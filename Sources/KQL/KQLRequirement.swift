/// A condition another query language's rule implies about a document, in terms KQL evaluates:
/// exact values, existence and anchored `*` wildcards, combined with all/any.
///
/// EQL and ES|QL rules describe what their own condition needs this way, so the scan's rule index
/// and byte-level prefilter, which work on KQL, rule records out for them too. It is a necessary
/// condition only: a document it rejects cannot match the rule; one it accepts still goes to the
/// rule's own evaluator.
public indirect enum KQLRequirement: Sendable, Hashable {
    /// Every requirement holds.
    case all([KQLRequirement])
    /// At least one holds.
    case any([KQLRequirement])
    /// The field has one of these values (exactly, case-sensitively; any element of an array).
    case oneOf(field: String, values: Set<String>)
    /// The field has a value.
    case exists(field: String)
    /// A value of the field matches, as a whole, the literal segments joined by `*` wildcards
    /// (`["", "kali", ""]` is `*kali*`). At least two segments.
    case wildcard(field: String, segments: [String])
    /// Nothing is known: every document may match.
    case unknown

    /// The requirement without `unknown` parts that carry no information.
    var simplified: KQLRequirement {
        switch self {
        case .all(let parts):
            let kept = parts.map(\.simplified).filter { $0 != .unknown }
            if kept.isEmpty { return .unknown }
            return kept.count == 1 ? kept[0] : .all(kept)
        case .any(let parts):
            let kept = parts.map(\.simplified)
            if kept.isEmpty || kept.contains(.unknown) { return .unknown }
            return kept.count == 1 ? kept[0] : .any(kept)
        case .wildcard(let field, let segments) where segments.count < 2:
            return .oneOf(field: field, values: Set(segments))
        default:
            return self
        }
    }
}

extension KQLQuery {
    /// The KQL query that holds exactly when `requirement` does; it matches every document when
    /// the requirement is `unknown`.
    public static func requiring(_ requirement: KQLRequirement) -> KQLQuery {
        KQLQuery(root: expression(for: requirement.simplified))
    }

    private static func expression(for requirement: KQLRequirement) -> KQLExpression {
        switch requirement {
        case .all(let parts): return .and(parts.map(expression(for:)))
        case .any(let parts): return .or(parts.map(expression(for:)))
        case .oneOf(let field, let values):
            let tests = values.sorted().map { KQLValueExpression.test(.exact(KQLExactValue($0))) }
            return .field(field, tests.count == 1 ? tests[0] : .or(tests))
        case .exists(let field): return .field(field, .test(.exists))
        case .wildcard(let field, let segments):
            return .field(field, .test(.wildcard(KQLWildcardPattern(segments: segments))))
        case .unknown: return .and([])
        }
    }
}
