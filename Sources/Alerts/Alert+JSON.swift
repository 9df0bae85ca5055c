import CloudTrailReader
import DetectionRules
import ECSMapping
import TrailTriageJSON

extension Alert {
    /// The alert as one flat JSON object with dotted keys, in the shape of a Kibana alert
    /// document: `kibana.alert.*` first, then the source event's ECS fields.
    ///
    /// `event.original` is left out: it repeats the whole record, and the fields already carry it.
    public var flatJSON: JSONObject {
        var object = JSONObject()
        object["kibana.alert.uuid"] = .string(uuid)
        object["kibana.alert.rule.rule_id"] = .string(rule.ruleID)
        object["kibana.alert.rule.name"] = .string(rule.name)
        object["kibana.alert.rule.type"] = .string(rule.type.name)
        object["kibana.alert.severity"] = .string(rule.severity.name)
        object["kibana.alert.risk_score"] = .number(String(rule.riskScore))
        object["kibana.alert.original_time"] = .string(ECSTimestamp.format(milliseconds: originalTime))
        object["kibana.alert.workflow_status"] = .string("open")
        if let newTerms {
            object["kibana.alert.new_terms"] = .array(newTerms.map(JSONValue.string))
        }
        object["trailtriage.source.file"] = .string(location.file)
        object["trailtriage.source.record"] = .number(String(location.index))
        if let line = location.line {
            object["trailtriage.source.line"] = .number(String(line))
        }
        for (key, value) in document.flattened() where key != "event.original" {
            object.members.append(JSONMember(key: key, value: value))
        }
        return object
    }
}
