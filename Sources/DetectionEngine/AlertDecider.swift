import Alerts
import DetectionRules
import ECSMapping
import EQL
import TrailTriageJSON

/// Turns one rule's query matches into alerts.
///
/// - A record delivered twice (same identity: event key, and content when the key is shared by
///   different content) is one event.
/// - new_terms keeps only matches whose value combination is new in the history window.
/// - `max_signals` caps alerts per simulated rule run (one run per `interval`), as Kibana's
///   executor does; what it drops is counted, never hidden, and never mapped into a document.
struct AlertDecider {
    let rule: CompiledRule
    let ruleIndex: Int
    let appliesMaxSignals: Bool

    struct Decided {
        /// The kept alerts in report order, still without their documents.
        var alerts: [PendingAlert]
        var duplicateEventKeys: Set<String>
        var droppedByMaxSignals: Int
    }

    /// Decides on `matches`, whose records and combinations are in `table`.
    func alerts(from matches: [RuleMatch], in table: MatchTable, terms: CombinationTerms) -> Decided {
        let records = table.records
        let (unique, duplicates) = Self.deduplicated(matches, in: table)
        let info = Self.alertRule(of: rule)
        var alerts: [PendingAlert] = []
        if let sequence = rule.eql?.query.sequence {
            let decided = sequenceAlerts(unique, sequence: sequence, in: table, terms: terms, rule: info)
            return Decided(
                alerts: decided.alerts, duplicateEventKeys: duplicates, droppedByMaxSignals: decided.dropped)
        } else if let query = rule.esql {
            let decided = esqlAlerts(unique, query: query, in: table, rule: info)
            return Decided(
                alerts: decided.alerts, duplicateEventKeys: duplicates, droppedByMaxSignals: decided.dropped)
        } else if let threshold = rule.threshold {
            let decided = thresholdAlerts(unique, plan: threshold, in: table, terms: terms, rule: info)
            return Decided(
                alerts: decided.alerts, duplicateEventKeys: duplicates, droppedByMaxSignals: decided.dropped)
        } else if let window = rule.historyWindowMilliseconds {
            let candidates = unique.enumerated().map { index, match in
                NewTermsEvaluator.KeyedCandidate(
                    time: records[match.record].time, eventKey: table.identity(of: match.record),
                    keys: table.combinationKeys[match.combinations], payload: index
                )
            }
            for decision in NewTermsEvaluator(windowMilliseconds: window).evaluate(keyed: candidates) {
                // Every key went into the terms with its values when its match was recorded.
                guard let newTerms = terms[decision.key] else { continue }
                alerts.append(pending(unique[decision.payload].record, in: table, rule: info, newTerms: newTerms))
            }
        } else {
            alerts = unique.map { pending($0.record, in: table, rule: info, newTerms: nil) }
        }
        alerts.sort(by: PendingAlert.reportOrder)
        let dropped = applyMaxSignals(to: &alerts)
        return Decided(alerts: alerts, duplicateEventKeys: duplicates, droppedByMaxSignals: dropped)
    }

    /// What an alert records about `rule`.
    static func alertRule(of rule: CompiledRule) -> AlertRule {
        AlertRule(
            ruleID: rule.rule.ruleID, name: rule.rule.name, type: rule.rule.type,
            severity: rule.rule.severity, riskScore: rule.rule.riskScore
        )
    }

    /// The first delivery of each event, in read order, and the keys delivered more than once.
    /// Duplicate-delivery detection: one event, one alert.
    static func deduplicated(
        _ matches: [RuleMatch], in table: MatchTable
    ) -> (unique: [RuleMatch], duplicates: Set<String>) {
        var seen: Set<String> = []
        var duplicates: Set<String> = []
        var unique: [RuleMatch] = []
        let order = matches.indices.sorted { table.readOrder(matches[$0].record, matches[$1].record) }
        for position in order {
            let match = matches[position]
            let identity = table.identity(of: match.record)
            if seen.insert(identity).inserted {
                unique.append(match)
            } else {
                duplicates.insert(identity)
            }
        }
        return (unique, duplicates)
    }

    /// Keeps at most `max_signals` alerts per simulated run; returns how many it dropped.
    func applyMaxSignals(to alerts: inout [PendingAlert]) -> Int {
        guard appliesMaxSignals && rule.rule.maxSignals > 0 else { return 0 }
        var dropped = 0
        var perRun: [Int64: Int] = [:]
        alerts.removeAll { alert in
            let run = Self.floorDivide(alert.time, rule.intervalMilliseconds)
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

    private func pending(
        _ position: Int, in table: MatchTable, rule info: AlertRule, newTerms: [String]?
    ) -> PendingAlert {
        let record = table.records[position]
        return PendingAlert(
            uuid: AlertIdentity.uuid(
                ruleID: info.ruleID, eventKey: record.eventKey, content: table.conflictContents[position],
                newTerms: newTerms ?? []
            ),
            rule: info, ruleIndex: ruleIndex, newTerms: newTerms, record: position, time: record.time
        )
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        guard divisor > 0 else { return 0 }
        let quotient = value / divisor
        return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient
    }

    /// A threshold rule's alerts: one per qualifying group and run, capped at `max_signals` per
    /// run in the order of the groups' terms (Kibana pages its group aggregation in key order).
    private func thresholdAlerts(
        _ matches: [RuleMatch], plan: ThresholdPlan, in table: MatchTable, terms: CombinationTerms, rule info: AlertRule
    ) -> (alerts: [PendingAlert], dropped: Int) {
        let records = table.records
        let candidates = matches.enumerated().map { index, match in
            ThresholdEvaluator.Candidate(
                time: records[match.record].time, eventKey: table.identity(of: match.record),
                groups: table.combinationKeys[match.combinations], cardinalityValues: table.valueKeys[match.values],
                payload: index)
        }
        let evaluator = ThresholdEvaluator(
            runs: RuleRuns(
                intervalMilliseconds: rule.intervalMilliseconds, lookbackMilliseconds: rule.lookbackMilliseconds),
            minimumCount: plan.minimumCount, minimumCardinality: plan.cardinality?.value)
        var byRun: [Int64: [(values: [String], group: ThresholdEvaluator.GroupAlert)]] = [:]
        for group in evaluator.evaluate(candidates) {
            // Every group key went into the terms with its values when its match was recorded.
            guard let values = terms[group.group] else { continue }
            byRun[group.runEnd, default: []].append((values, group))
        }
        var alerts: [PendingAlert] = []
        var dropped = 0
        for runEnd in byRun.keys.sorted() {
            let groups = (byRun[runEnd] ?? []).sorted { $0.values.lexicographicallyPrecedes($1.values) }
            for (position, entry) in groups.enumerated() {
                if appliesMaxSignals && rule.rule.maxSignals > 0 && position >= rule.rule.maxSignals {
                    dropped += 1
                    continue
                }
                let members = entry.group.members.map { matches[$0].record }
                alerts.append(thresholdAlert(entry.group, values: entry.values, members: members, plan, table, info))
            }
        }
        alerts.sort(by: PendingAlert.reportOrder)
        return (alerts, dropped)
    }

    private func thresholdAlert(
        _ group: ThresholdEvaluator.GroupAlert, values: [String], members: [Int], _ plan: ThresholdPlan,
        _ table: MatchTable, _ info: AlertRule
    ) -> PendingAlert {
        let terms = zip(plan.fields, values).map { ThresholdResult.Term(field: $0, value: $1) }
        let result = ThresholdResult(
            terms: terms, count: group.members.count, fromMilliseconds: group.from,
            cardinality: plan.cardinality.map {
                [ThresholdResult.Cardinality(field: $0.field, value: group.cardinality)]
            }
                ?? [])
        let memberKeys = members.map { table.identity(of: $0) }
        let uuid = AlertIdentity.groupUUID(
            ruleID: info.ruleID, terms: terms.flatMap { [$0.field, $0.value] }, memberKeys: memberKeys)
        // Kibana's threshold alert holds the group-by fields and its time, not a source event.
        var flat = [JSONMember(key: "@timestamp", value: .string(ECSTimestamp.format(milliseconds: group.to)))]
        flat.append(contentsOf: terms.map { JSONMember(key: $0.field, value: .string($0.value)) })
        let document = ECSDocument(flattened: flat, timestampMilliseconds: group.to, eventID: nil)
        let latest = members.last ?? 0
        return PendingAlert(
            uuid: uuid, rule: info, ruleIndex: ruleIndex, newTerms: nil, record: latest, time: group.to,
            threshold: result, members: members, builtDocument: document)
    }
}
