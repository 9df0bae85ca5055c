import Alerts
import CloudTrailReader
import DetectionRules
import ECSMapping
import ESQL
import TrailTriageJSON

extension DetectionScan {
    /// The alerts of rules that read alerts (`FROM .alerts-security.*`), run over the alerts the
    /// scan's other rules gave, as Kibana runs them over its alert index.
    ///
    /// Each alert is read as the document Kibana stores for it: its flat fields with
    /// `event.kind: signal` and its rule's tags, timed at its source event.
    static func alertRuleAlerts(
        rules: [CompiledRule], over alerts: [Alert], appliesMaxSignals: Bool
    ) -> [(rule: Int, alerts: [Alert], dropped: Int)] {
        let readers = rules.indices.filter { rules[$0].readsAlerts }
        guard !readers.isEmpty else { return [] }
        let tagsByRule = Dictionary(
            rules.map { ($0.rule.ruleID, $0.rule.tags) }, uniquingKeysWith: { kept, _ in kept })
        let documents = alerts.sorted(by: Alert.reportOrder).map { alert in
            (alert, alertDocument(alert, tags: tagsByRule[alert.rule.ruleID] ?? []))
        }
        return readers.map { index in
            let rule = rules[index]
            guard let query = rule.esql else { return (index, [], 0) }
            let info = AlertDecider.alertRule(of: rule)
            var items: [ESQLRunSimulator.Item] = []
            for (position, entry) in documents.enumerated() {
                let metadata = ESQLMetadata(id: entry.0.uuid, index: ".internal.alerts-security.alerts-default-000001")
                if let row = query.prepare(entry.1, metadata: metadata) {
                    items.append(ESQLRunSimulator.Item(time: entry.0.originalTime, row: row, payload: position))
                }
            }
            let runs = RuleRuns(
                intervalMilliseconds: rule.intervalMilliseconds, lookbackMilliseconds: rule.lookbackMilliseconds)
            var built = ESQLRunSimulator(query: query, runs: runs).run(items).map { result in
                alert(from: result, sources: result.members.map { documents[$0].0 }, rule: info)
            }
            built.sort(by: Alert.reportOrder)
            var dropped = 0
            if appliesMaxSignals && rule.rule.maxSignals > 0 {
                var perRun: [Int64: Int] = [:]
                built.removeAll { alert in
                    let run = AlertDecider.floorDivide(alert.originalTime, rule.intervalMilliseconds)
                    guard perRun[run, default: 0] < rule.rule.maxSignals else {
                        dropped += 1
                        return true
                    }
                    perRun[run, default: 0] += 1
                    return false
                }
            }
            return (index, built, dropped)
        }
    }

    /// An alert as the document an alert-reading query sees.
    static func alertDocument(_ alert: Alert, tags: [String]) -> ECSDocument {
        var members = alert.flatJSON.members.filter { !$0.key.hasPrefix("trailtriage.") && $0.key != "event.kind" }
        members.append(JSONMember(key: "event.kind", value: .string("signal")))
        members.append(JSONMember(key: "kibana.alert.rule.tags", value: .array(tags.map(JSONValue.string))))
        return ECSDocument(flattened: members, timestampMilliseconds: alert.originalTime, eventID: nil)
    }

    private static func alert(from result: ESQLRunSimulator.Result, sources: [Alert], rule info: AlertRule) -> Alert {
        let ordered = sources.sorted(by: Alert.reportOrder)
        let time = ordered.last?.originalTime ?? 0
        var flat = [JSONMember(key: "@timestamp", value: .string(ECSTimestamp.format(milliseconds: time)))]
        flat += result.row.namedValues.compactMap { column, value in
            AlertDecider.jsonValue(of: value).map { JSONMember(key: column, value: $0) }
        }
        let uuid = AlertIdentity.groupUUID(
            ruleID: info.ruleID, terms: ["esql"] + result.groupKey.map(\.description),
            memberKeys: [ordered.first?.uuid ?? ""])
        let latest = ordered.last
        return Alert(
            uuid: uuid, rule: info, originalTime: time, newTerms: nil,
            document: ECSDocument(flattened: flat, timestampMilliseconds: time, eventID: nil),
            location: latest?.location ?? RecordLocation(file: "", index: 0, byteOffset: 0),
            eventKey: latest?.eventKey ?? "",
            members: ordered.map { AlertMember(eventKey: $0.eventKey, time: $0.originalTime, location: $0.location) },
            resultColumns: result.row.columns, runCount: result.runCount)
    }
}
