/// Decides which query matches of a new_terms rule carry a value combination not seen in the
/// history window before them.
///
/// Offline there are no scheduled runs, so the rule's question is asked of every event:
/// did any query-matching event in `[t - window, t)` carry this combination? Candidates are
/// processed in time order whatever order the files came in.
struct NewTermsEvaluator {
    struct Candidate {
        var time: Int64
        var eventKey: String
        /// Every value combination of the event (cartesian product over the fields).
        var combinations: [[String]]
        var payload: Int
    }

    struct Decision {
        var payload: Int
        var newTerms: [String]
    }

    let windowMilliseconds: Int64

    /// The candidates (and combinations) that are new, in time order.
    func evaluate(_ candidates: [Candidate]) -> [Decision] {
        let ordered = candidates.sorted { lhs, rhs in
            lhs.time != rhs.time ? lhs.time < rhs.time : lhs.eventKey < rhs.eventKey
        }
        var lastSeen: [[String]: Int64] = [:]
        var decisions: [Decision] = []
        var groupStart = ordered.startIndex
        while groupStart < ordered.endIndex {
            // Events at the same instant are not each other's history: the window is half-open.
            var groupEnd = groupStart
            while groupEnd < ordered.endIndex && ordered[groupEnd].time == ordered[groupStart].time { groupEnd += 1 }
            let group = ordered[groupStart..<groupEnd]
            for candidate in group {
                for combination in candidate.combinations {
                    if let previous = lastSeen[combination], previous >= candidate.time - windowMilliseconds {
                        continue
                    }
                    decisions.append(Decision(payload: candidate.payload, newTerms: combination))
                }
            }
            for candidate in group {
                for combination in candidate.combinations {
                    lastSeen[combination] = candidate.time
                }
            }
            groupStart = groupEnd
        }
        return decisions
    }

    /// Every combination of one value per field, at most `limit` of them; empty when a field has no value.
    static func combinations(of fieldValues: [[String]], limit: Int = 100) -> [[String]] {
        var result: [[String]] = [[]]
        for values in fieldValues {
            let unique = values.reduce(into: [String]()) { list, value in
                if !list.contains(value) { list.append(value) }
            }
            guard !unique.isEmpty else { return [] }
            var next: [[String]] = []
            outer: for prefix in result {
                for value in unique {
                    next.append(prefix + [value])
                    if next.count == limit { break outer }
                }
            }
            result = next
        }
        return result
    }
}
