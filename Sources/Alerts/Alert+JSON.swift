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
        if let threshold {
            object.members.append(contentsOf: Self.flatMembers(of: threshold))
        }
        if let group {
            object["kibana.alert.group.id"] = .string(group.id)
            if let index = group.index {
                object["kibana.alert.group.index"] = .number(String(index))
                object["kibana.alert.building_block_type"] = .string("default")
            }
        }
        if !members.isEmpty {
            object["trailtriage.members"] = .array(members.map(Self.flatMember))
        }
        if !resultColumns.isEmpty {
            object["trailtriage.esql.columns"] = .array(resultColumns.map(JSONValue.string))
        }
        if runCount > 0 {
            object["trailtriage.esql.runs"] = .number(String(runCount))
        }
        if !recheckDisagreements.isEmpty {
            object["trailtriage.recheck.disagreements"] = .array(recheckDisagreements.map(JSONValue.string))
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

    /// `kibana.alert.threshold_result` as Kibana writes it: terms and cardinality as lists of
    /// `{field, value}`, the count, and the earliest counted event's time.
    static func flatMembers(of threshold: ThresholdResult) -> [JSONMember] {
        let terms = threshold.terms.map { term in
            JSONValue.object(["field": .string(term.field), "value": .string(term.value)])
        }
        var members = [
            JSONMember(key: "kibana.alert.threshold_result.terms", value: .array(terms)),
            JSONMember(key: "kibana.alert.threshold_result.count", value: .number(String(threshold.count))),
            JSONMember(
                key: "kibana.alert.threshold_result.from",
                value: .string(ECSTimestamp.format(milliseconds: threshold.fromMilliseconds))),
        ]
        if !threshold.cardinality.isEmpty {
            let cardinality = threshold.cardinality.map { entry in
                JSONValue.object(["field": .string(entry.field), "value": .number(String(entry.value))])
            }
            members.append(JSONMember(key: "kibana.alert.threshold_result.cardinality", value: .array(cardinality)))
        }
        return members
    }

    /// One member event, as the console reads it back from the store: its identity, time and record.
    static func flatMember(_ member: AlertMember) -> JSONValue {
        var fields: JSONObject = [
            "event_key": .string(member.eventKey),
            "time": .string(ECSTimestamp.format(milliseconds: member.time)),
            "file": .string(member.location.file),
            "record": .number(String(member.location.index)),
        ]
        if let line = member.location.line { fields["line"] = .number(String(line)) }
        return .object(fields)
    }
}
