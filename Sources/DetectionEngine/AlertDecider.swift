import Alerts
import DetectionRules

/// Turns one rule's query matches into alerts.
///
/// - A record delivered twice (same identity: event key, and content when the key is shared by
///   different content) is one event.
/// - new_terms keeps only matches whose value combination is new in the history window.
/// - `max_signals` caps alerts per simulated rule run (one run per `interval`), as Kibana's
///   executor does; what it drops is counted, never hidden, and never mapped into a document.
struct AlertDecider {
    let rule: CompiledRule
    let appliesMaxSignals: Bool

    struct Decided {
        /// The kept alerts in report order, still without their documents.
        var alerts: [PendingAlert]
        var duplicateEventKeys: Set<String>
        var droppedByMaxSignals: Int
    }

    func alerts(from matches: [RuleMatch]) -> Decided {
        let (unique, duplicates) = Self.deduplicated(matches)
        let info = AlertRule(
            ruleID: rule.rule.ruleID, name: rule.rule.name, type: rule.rule.type.name,
            severity: rule.rule.severity, riskScore: rule.rule.riskScore
        )
        var alerts: [PendingAlert] = []
        if let window = rule.historyWindowMilliseconds {
            let candidates = unique.enumerated().map { index, match in
                NewTermsEvaluator.Candidate(
                    time: match.time, eventKey: match.identity, combinations: match.combinations ?? [], payload: index
                )
            }
            for decision in NewTermsEvaluator(windowMilliseconds: window).evaluate(candidates) {
                alerts.append(pending(unique[decision.payload], rule: info, newTerms: decision.newTerms))
            }
        } else {
            alerts = unique.map { pending($0, rule: info, newTerms: nil) }
        }
        alerts.sort(by: PendingAlert.reportOrder)
        let dropped = applyMaxSignals(to: &alerts)
        return Decided(alerts: alerts, duplicateEventKeys: duplicates, droppedByMaxSignals: dropped)
    }

    /// The first delivery of each event, in read order, and the keys delivered more than once.
    /// Duplicate-delivery detection: one event, one alert.
    static func deduplicated(_ matches: [RuleMatch]) -> (unique: [RuleMatch], duplicates: Set<String>) {
        var seen: Set<String> = []
        var duplicates: Set<String> = []
        var unique: [RuleMatch] = []
        // Sorting positions rather than the matches avoids moving their strings and bytes around.
        let order = matches.indices.sorted { RuleMatch.readOrder(matches[$0], matches[$1]) }
        for position in order {
            let match = matches[position]
            if seen.insert(match.identity).inserted {
                unique.append(match)
            } else {
                duplicates.insert(match.identity)
            }
        }
        return (unique, duplicates)
    }

    /// Keeps at most `max_signals` alerts per simulated run; returns how many it dropped.
    private func applyMaxSignals(to alerts: inout [PendingAlert]) -> Int {
        guard appliesMaxSignals && rule.rule.maxSignals > 0 else { return 0 }
        var dropped = 0
        var perRun: [Int64: Int] = [:]
        alerts.removeAll { alert in
            let run = Self.floorDivide(alert.match.time, rule.intervalMilliseconds)
            let count = perRun[run, default: 0]
            guard count < rule.rule.maxSignals else {
                dropped += 1
                return true
            }
            perRun[run] = count + 1
            return false
        }
        return dropped
    }

    private func pending(_ match: RuleMatch, rule info: AlertRule, newTerms: [String]?) -> PendingAlert {
        PendingAlert(
            uuid: AlertIdentity.uuid(
                ruleID: info.ruleID, eventKey: match.eventKey, content: match.conflictContent, newTerms: newTerms ?? []
            ),
            rule: info, newTerms: newTerms, match: match
        )
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        guard divisor > 0 else { return 0 }
        let quotient = value / divisor
        return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient
    }
}
