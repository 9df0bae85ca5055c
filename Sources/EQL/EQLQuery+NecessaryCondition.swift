import KQL

extension EQLQuery {
    /// What an event must satisfy for this query (or any stage of its sequence) to match, in terms
    /// the scan's KQL prefilter evaluates: exact comparisons, case-sensitive wildcards and the
    /// category. Case-insensitive tests, regexes and `not` say nothing (``KQLRequirement/unknown``).
    public func necessaryCondition(categoryField: String) -> KQLRequirement {
        if let sequence {
            return .any(sequence.stages.map { $0.necessaryCondition(categoryField: categoryField) })
        }
        return filter?.necessaryCondition(categoryField: categoryField) ?? .unknown
    }
}

extension EQLEventFilter {
    func necessaryCondition(categoryField: String) -> KQLRequirement {
        let category: KQLRequirement = category == "any" ? .unknown : .oneOf(field: categoryField, values: [category])
        return .all([category, condition.necessaryCondition])
    }
}

extension EQLCondition {
    var necessaryCondition: KQLRequirement {
        switch self {
        case .all(let conditions): return .all(conditions.map(\.necessaryCondition))
        case .any(let conditions): return .any(conditions.map(\.necessaryCondition))
        case .not, .fieldPair: return .unknown
        case .field(let path, let test): return test.necessaryCondition(on: path)
        }
    }
}

extension EQLValueTest {
    func necessaryCondition(on field: String) -> KQLRequirement {
        switch self {
        case .equals(let values):
            return .oneOf(field: field, values: Set(values))
        case .wildcard(let patterns):
            return .any(patterns.map { $0.kqlSegments.map { .wildcard(field: field, segments: $0) } ?? .unknown })
        case .contains(let pattern):
            return pattern?.kqlSegments.map { .wildcard(field: field, segments: $0) } ?? .unknown
        case .prefix(let prefix):
            return .wildcard(field: field, segments: [prefix, ""])
        case .regex:
            return .unknown
        }
    }
}

extension EQLWildcardPattern {
    /// The pattern as KQL wildcard segments, when KQL can say the same: case-sensitive, and only
    /// `*` (KQL has no single-character wildcard).
    var kqlSegments: [String]? {
        guard !caseInsensitive else { return nil }
        var segments = [""]
        for element in elements {
            switch element {
            case .literal(let scalar): segments[segments.count - 1].unicodeScalars.append(scalar)
            case .anyRun: segments.append("")
            case .anyCharacter: return nil
            }
        }
        return segments.count >= 2 ? segments : nil
    }
}
