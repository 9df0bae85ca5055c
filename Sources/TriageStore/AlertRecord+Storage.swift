import Alerts
import DetectionRules
import RelatedActivity
import TrailTriageJSON
import TriageModel

/// The JSON form the store keeps in `alerts.record`. Written with ``JSONWriter`` and read back
/// with ``JSONParser``, so numbers keep their exact logged text.
extension AlertRecord {
    var storageJSON: JSONValue {
        var object = JSONObject()
        object["rule"] = .object([
            "rule_id": .string(rule.ruleID), "name": .string(rule.name), "type": .string(rule.type.name),
            "severity": .string(rule.severity.name), "risk_score": .number(String(rule.riskScore)),
        ])
        object["mitre"] = .array(
            mitre.map { technique in
                .object([
                    "tactic": .string(technique.tactic), "technique": .string(technique.technique),
                    "subtechniques": .array(technique.subtechniques.map(JSONValue.string)),
                ])
            })
        object["original_time"] = .number(String(originalTime))
        object["alert"] = .object(flatJSON)
        object["guide"] = .object([
            "steps": .array(guide.steps.map(JSONValue.string)),
            "step_details": .array(guide.stepDetails.map { .array($0.map(JSONValue.string)) }),
            "false_positives": .array(guide.falsePositiveNotes.map(JSONValue.string)),
            "response": .array(guide.responseSteps.map(JSONValue.string)),
            "investigation_fields": .array(guide.investigationFields.map(JSONValue.string)),
        ])
        let kept = caseFileRelatedActivity
        if kept.count < relatedActivity.count {
            object["related_total"] = .number(String(relatedActivity.count))
        }
        object["related"] = .array(
            kept.map { related in
                .object([
                    "event": related.event.storageJSON, "relation": .number(String(related.relation.rawValue)),
                    "follow_up": .bool(related.isFollowUp), "alert_event": .bool(related.isAlertEvent),
                ])
            })
        object["trust_anchors"] = .array(
            trustAnchors.map { anchor in
                .object(["event": anchor.event.storageJSON, "relation": .string(anchor.relation.rawValue)])
            })
        if let firstSeen { object["first_seen"] = firstSeen.storageJSON }
        return .object(object)
    }

    init?(uuid: String, storageJSON value: JSONValue) {
        guard let object = value.objectValue, let rule = object["rule"], let alert = object["alert"]?.objectValue else {
            return nil
        }
        let guide = object["guide"]
        self.init(
            uuid: uuid,
            rule: AlertRule(
                ruleID: rule["rule_id"]?.stringValue ?? "", name: rule["name"]?.stringValue ?? "",
                type: RuleType(name: rule["type"]?.stringValue ?? ""),
                severity: Severity(name: rule["severity"]?.stringValue ?? ""),
                riskScore: rule["risk_score"]?.scalarText.flatMap { Int($0) } ?? 0
            ),
            mitre: (object["mitre"]?.arrayValue ?? []).map { entry in
                MITRETechnique(
                    tactic: entry["tactic"]?.stringValue ?? "", technique: entry["technique"]?.stringValue ?? "",
                    subtechniques: Self.strings(entry["subtechniques"])
                )
            },
            originalTime: object["original_time"]?.scalarText.flatMap { Int64($0) } ?? 0,
            flatJSON: alert,
            guide: GuideSnapshot(
                steps: Self.strings(guide?["steps"]),
                stepDetails: (guide?["step_details"]?.arrayValue ?? []).map(Self.strings),
                falsePositiveNotes: Self.strings(guide?["false_positives"]),
                responseSteps: Self.strings(guide?["response"]),
                investigationFields: Self.strings(guide?["investigation_fields"])
            ),
            relatedActivity: (object["related"]?.arrayValue ?? []).compactMap { entry in
                guard let event = entry["event"].flatMap(EventSummary.init(storageJSON:)) else { return nil }
                return RelatedEvent(
                    event: event,
                    relation: RelatedEvent.Relation(rawValue: entry["relation"]?.scalarText.flatMap { UInt8($0) } ?? 0),
                    isFollowUp: entry["follow_up"]?.boolValue ?? false,
                    isAlertEvent: entry["alert_event"]?.boolValue ?? false
                )
            },
            trustAnchors: (object["trust_anchors"]?.arrayValue ?? []).compactMap { entry in
                guard let event = entry["event"].flatMap(EventSummary.init(storageJSON:)),
                    let relation = entry["relation"]?.stringValue.flatMap(RelatedTrustAnchor.Relation.init(rawValue:))
                else { return nil }
                return RelatedTrustAnchor(event: event, relation: relation)
            },
            firstSeen: object["first_seen"].flatMap(EventSummary.init(storageJSON:))
        )
    }

    static func strings(_ value: JSONValue?) -> [String] {
        (value?.arrayValue ?? []).compactMap(\.stringValue)
    }
}

extension EventSummary {
    var storageJSON: JSONValue {
        var object: JSONObject = [
            "time": .number(String(time)), "event_id": .string(eventID), "provider": .string(provider),
            "action": .string(action), "outcome": .string(outcome), "actor": .string(actorARN),
            "access_key": .string(accessKeyID), "session": .string(sessionID), "account": .string(account),
            "region": .string(region), "source": .string(source),
        ]
        // Written only when there is one; a record stored before the target existed has none,
        // and reads back with an empty target.
        if !target.isEmpty { object["target"] = .string(target) }
        if let trustAnchor {
            object["trust_anchor"] = .object([
                "arn": .string(trustAnchor.arn), "name": .string(trustAnchor.name),
                "source_type": .string(trustAnchor.sourceType), "ca": .string(trustAnchor.certificateAuthorityARN),
            ])
        }
        return .object(object)
    }

    init?(storageJSON value: JSONValue) {
        // One pass over the members: a case file holds up to 200 of these per alert, and an
        // export reads a thousand alerts, so eleven key searches per event add up.
        guard let object = value.objectValue else { return nil }
        var time: Int64?
        var eventID = ""
        var provider = ""
        var action = ""
        var outcome = ""
        var actorARN = ""
        var accessKeyID = ""
        var sessionID = ""
        var account = ""
        var region = ""
        var source = ""
        var target = ""
        var anchor: TrustAnchorDetails?
        for member in object.members {
            let text = member.value.stringValue ?? ""
            switch member.key {
            case "time": time = member.value.scalarText.flatMap { Int64($0) }
            case "event_id": eventID = text
            case "provider": provider = text
            case "action": action = text
            case "outcome": outcome = text
            case "actor": actorARN = text
            case "access_key": accessKeyID = text
            case "session": sessionID = text
            case "account": account = text
            case "region": region = text
            case "source": source = text
            case "target": target = text
            case "trust_anchor":
                let details = member.value
                anchor = TrustAnchorDetails(
                    arn: details["arn"]?.stringValue ?? "", name: details["name"]?.stringValue ?? "",
                    sourceType: details["source_type"]?.stringValue ?? "",
                    certificateAuthorityARN: details["ca"]?.stringValue ?? ""
                )
            default: break
            }
        }
        guard let time else { return nil }
        self.init(
            time: time, eventID: eventID, provider: provider, action: action, outcome: outcome, actorARN: actorARN,
            accessKeyID: accessKeyID, sessionID: sessionID, account: account, region: region, source: source,
            target: target, trustAnchor: anchor
        )
    }

}
