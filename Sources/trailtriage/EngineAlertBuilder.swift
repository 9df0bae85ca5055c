import Alerts
import CloudTrailReader
import DetectionEngine
import DetectionRules
import ECSMapping
import KQL
import TrailTriageJSON

/// Turns engine output into the alerts `scan` would have made, with the same mapper and alert
/// code, and re-checks each one: the rule's query must match the record, and the uuid the
/// engine computed in SQL must be the one `AlertIdentity` gives.
struct EngineAlertBuilder {
    /// An alert and, when the re-check disagrees with the engine, why.
    struct Checked {
        var alert: Alert
        var disagreements: [String]

        /// The alert carries its disagreements too, so the console flags it and its stored form
        /// and export keep them.
        init(alert: Alert, disagreements: [String]) {
            var flagged = alert
            flagged.recheckDisagreements = disagreements
            self.alert = flagged
            self.disagreements = disagreements
        }
    }

    let rules: [String: DetectionRule]
    let mapper: ECSMapper
    /// Every loaded version's query per rule id: a bundled rule and its upstream copy share an id,
    /// and either may be the one that alerted.
    let queries: [String: [KQLQuery]]

    init(rules: [DetectionRule], mapper: ECSMapper) {
        var byID: [String: DetectionRule] = [:]
        var queries: [String: [KQLQuery]] = [:]
        for rule in rules {
            byID[rule.ruleID] = rule
            if let text = rule.query, let query = try? KQLQuery.parse(text) {
                queries[rule.ruleID, default: []].append(query)
            }
        }
        self.rules = byID
        self.queries = queries
        self.mapper = mapper
    }

    /// The alert for `line`.
    /// - Throws: ``EngineOutputError`` when the line names a rule not loaded or its record does not map.
    func alert(for line: EngineAlertLine) throws(EngineOutputError) -> Checked {
        guard let rule = rules[line.ruleID] else {
            throw EngineOutputError("names rule \(line.ruleID), which is not among the rules loaded")
        }
        let record: JSONValue
        do {
            record = try JSONParser.parse(line.recordText)
        } catch {
            throw EngineOutputError("has a record that is not JSON: \(error)")
        }
        let document: ECSDocument
        do {
            document = try mapper.map(record, originalText: line.recordText).document
        } catch {
            throw EngineOutputError("has a record the ECS mapping refuses: \(error)")
        }
        if rule.type == .threshold {
            return try thresholdAlert(for: line, rule: rule, document: document)
        }
        let isNewTerms = rule.type == .newTerms
        let alert = Alert(
            uuid: line.uuid,
            rule: AlertRule(
                ruleID: rule.ruleID, name: rule.name, type: rule.type, severity: rule.severity,
                riskScore: rule.riskScore),
            originalTime: line.timeMilliseconds, newTerms: isNewTerms ? line.newTerms : nil, document: document,
            location: RecordLocation(file: line.sourceFile, index: line.recordIndex, byteOffset: 0),
            eventKey: line.eventKey
        )
        var disagreements: [String] = []
        let expected = AlertIdentity.uuid(
            ruleID: rule.ruleID, eventKey: line.eventKey, content: line.eventContent, newTerms: line.newTerms)
        if expected != line.uuid {
            disagreements.append("the engine's alert uuid \(line.uuid) is not the one scan computes (\(expected))")
        }
        let recordKey = AlertIdentity.eventKey(
            eventID: record.objectValue?["eventID"]?.stringValue, recordBytes: Array(line.recordText.utf8))
        if recordKey != line.eventKey {
            disagreements.append("the engine's event key \(line.eventKey) is not the record's (\(recordKey))")
        }
        if let content = line.eventContent, content != AlertIdentity.contentKey(of: EventBridgeEnvelope.unwrap(record))
        {
            disagreements.append("the engine's content key \(content) is not the record's")
        }
        if let versions = queries[rule.ruleID] {
            if !versions.contains(where: { $0.matches(document) }) {
                disagreements.append("the rule's query does not match this record")
            }
        } else {
            disagreements.append("the rule's query could not be parsed to re-check the record")
        }
        if isNewTerms, let fields = rule.newTerms?.fields {
            for (field, term) in zip(fields, line.newTerms) where !document.kqlValues(at: field).contains(term) {
                disagreements.append("the record does not carry the new term \(field) = \(term)")
            }
            if fields.count != line.newTerms.count {
                disagreements.append("the engine gave \(line.newTerms.count) new terms for \(fields.count) fields")
            }
        }
        return Checked(alert: alert, disagreements: disagreements)
    }
}
