/// Turns one rule's query matches into alerts.
///
/// - A record delivered twice (same identity: event key, and content when the key is shared by
///   different content) is one event.
/// - new_terms keeps only matches whose value combination is new in the history window.
/// - `max_signals` caps alerts per simulated rule run (one run per `interval`), as Kibana's
///   executor does; what it drops is counted, never hidden.
struct AlertDecider {
    let rule: CompiledRule
    let appliesMaxSignals: Bool

    struct Decided {
        var alerts: [Alert]
        var duplicateEventKeys: Set<String>
        var droppedByMaxSignals: Int
    }

    func alerts(from matches: [RuleMatch]) -> Decided {
        var seen: Set<String> = []
        var duplicates: Set<String> = []
        var unique: [RuleMatch] = []
        for match in matches.sorted(by: RuleMatch.readOrder) {
            if seen.insert(match.identity).inserted {
                unique.append(match)
            } else {
                duplicates.insert(match.identity)
            }
        }

        let info = AlertRule(
            ruleID: rule.rule.ruleID, name: rule.rule.name, type: rule.rule.type.name,
            severity: rule.rule.severity, riskScore: rule.rule.riskScore
        )
        var alerts: [Alert] = []
        if let window = rule.historyWindowMilliseconds {
            let candidates = unique.enumerated().map { index, match in
                NewTermsEvaluator.Candidate(
                    time: match.time, eventKey: match.identity, combinations: match.combinations ?? [], payload: index
                )
            }
            for decision in NewTermsEvaluator(windowMilliseconds: window).evaluate(candidates) {
                let match = unique[decision.payload]
                alerts.append(makeAlert(match, rule: info, newTerms: decision.newTerms))
            }
        } else {
            alerts = unique.map { makeAlert($0, rule: info, newTerms: nil) }
        }
        alerts.sort(by: Alert.reportOrder)

        var dropped = 0
        if appliesMaxSignals && rule.rule.maxSignals > 0 {
            var perRun: [Int64: Int] = [:]
            alerts = alerts.filter { alert in
                let run = Self.floorDivide(alert.originalTime, rule.intervalMilliseconds)
                let count = perRun[run, default: 0]
                guard count < rule.rule.maxSignals else {
                    dropped += 1
                    return false
                }
                perRun[run] = count + 1
                return true
            }
        }
        return Decided(alerts: alerts, duplicateEventKeys: duplicates, droppedByMaxSignals: dropped)
    }

    private func makeAlert(_ match: RuleMatch, rule info: AlertRule, newTerms: [String]?) -> Alert {
        Alert(
            uuid: AlertIdentity.uuid(
                ruleID: info.ruleID, eventKey: match.eventKey, content: match.conflictContent, newTerms: newTerms ?? []
            ),
            rule: info, originalTime: match.time, newTerms: newTerms, document: match.document,
            location: match.location, eventKey: match.eventKey
        )
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        guard divisor > 0 else { return 0 }
        let quotient = value / divisor
        return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient
    }
}
