import Alerts
import CloudTrailReader
import DetectionEngine
import DetectionRules
import ECSMapping
import KQL
import TrailTriageJSON

extension EngineAlertBuilder {
    /// A threshold alert as scan builds it: a document of the group's terms at its latest event's
    /// time, and the group id from the rule, terms and members. The re-check recomputes the id,
    /// and the latest event must match the query and carry the group's values.
    func thresholdAlert(
        for line: EngineAlertLine, rule: DetectionRule, document: ECSDocument
    ) throws(EngineOutputError) -> Checked {
        guard let group = line.threshold, let settings = rule.threshold else {
            throw EngineOutputError("is a threshold rule's alert without its group (threshold_terms)")
        }
        let terms = zip(settings.fields, group.terms).map { ThresholdResult.Term(field: $0, value: $1) }
        let result = ThresholdResult(
            terms: terms, count: group.count, fromMilliseconds: group.fromMilliseconds,
            cardinality: zip(settings.cardinality.prefix(1), [group.cardinality ?? 0]).map {
                ThresholdResult.Cardinality(field: $0.field, value: $1)
            })
        var flat = [
            JSONMember(key: "@timestamp", value: .string(ECSTimestamp.format(milliseconds: line.timeMilliseconds)))
        ]
        flat.append(contentsOf: terms.map { JSONMember(key: $0.field, value: .string($0.value)) })
        let alert = Alert(
            uuid: line.uuid,
            rule: AlertRule(
                ruleID: rule.ruleID, name: rule.name, type: rule.type, severity: rule.severity,
                riskScore: rule.riskScore),
            originalTime: line.timeMilliseconds, newTerms: nil,
            document: ECSDocument(flattened: flat, timestampMilliseconds: line.timeMilliseconds, eventID: nil),
            location: RecordLocation(file: line.sourceFile, index: line.recordIndex, byteOffset: 0),
            eventKey: line.eventKey, threshold: result)
        var disagreements: [String] = []
        let expected = AlertIdentity.groupUUID(
            ruleID: rule.ruleID, terms: terms.flatMap { [$0.field, $0.value] }, memberKeys: group.memberKeys)
        if expected != line.uuid {
            disagreements.append("the engine's alert uuid \(line.uuid) is not the one scan computes (\(expected))")
        }
        if group.memberKeys.count != group.count || group.count < settings.value {
            disagreements.append(
                "the engine counted \(group.count) events with \(group.memberKeys.count) members for a threshold of "
                    + "\(settings.value)")
        }
        if let versions = queries[rule.ruleID], !versions.contains(where: { $0.matches(document) }) {
            disagreements.append("the rule's query does not match the group's latest record")
        }
        for term in terms where !document.kqlValues(at: term.field).contains(term.value) {
            disagreements.append("the group's latest record does not carry \(term.field) = \(term.value)")
        }
        return Checked(alert: alert, disagreements: disagreements)
    }
}
