import Alerts
import CloudTrailReader
import ECSMapping
import RelatedActivity
import TrailTriageJSON

extension AlertRecord {
    /// What the alert is about, from its group facts.
    public var shape: AlertShape {
        if let threshold { return .threshold(threshold) }
        if let group {
            if let index = group.index { return .buildingBlock(groupID: group.id, index: index) }
            return .sequence(groupID: group.id)
        }
        if !resultColumns.isEmpty { return .aggregation(columns: resultColumns) }
        return .event
    }

    /// Whether the alert stands for several events, whose related activity is those events.
    public var isGroupAlert: Bool { !members.isEmpty }

    /// Why re-checking an engine's alert against its raw record disagreed with the engine
    /// (`trailtriage.recheck.disagreements`); empty when it agreed or the alert is a scan's.
    public var recheckDisagreements: [String] {
        (flatJSON["trailtriage.recheck.disagreements"]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    /// Whether Kibana hides this alert from its default list (an EQL building block).
    public var isBuildingBlock: Bool { group?.isBuildingBlock ?? false }

    /// The values of a returned column of an aggregating ES|QL alert (a multi-valued column
    /// gives several), as text; empty when the row has no value there.
    public func columnValues(_ column: String) -> [String] {
        guard let value = flatJSON[column] else { return [] }
        if let elements = value.arrayValue { return elements.compactMap(\.scalarText) }
        return value.scalarText.map { [$0] } ?? []
    }

    /// Who the alert is about, for the list and headings: the event's user identity ARN; else
    /// the service that invoked the call (`userIdentity.invokedBy`); else,
    /// for an aggregating ES|QL row, its identity column (an ARN column first, then a user name
    /// column); else `user.name`; else the distinct actors of the member events found in
    /// related activity. `nil` when none of these says.
    public var actorText: String? {
        if let arn = flatText("aws.cloudtrail.user_identity.arn") { return arn }
        // An AWS service calling on the account's behalf has no ARN; CloudTrail names it in
        // `invokedBy` (e.g. `ec2.amazonaws.com`).
        if let service = flatText("aws.cloudtrail.user_identity.invoked_by") { return service }
        if let columns = Self.identityColumns(in: resultColumns).lazy.map(columnValues).first(where: { !$0.isEmpty }) {
            return columns.joined(separator: ", ")
        }
        if let name = flatText("user.name") { return name }
        return Self.summarised(memberEvents.map(\.actorARN))
    }

    /// What was done, for the list and headings: the event's `event.action`; else an ES|QL
    /// action column; else the actions of the member events found in related activity (in
    /// order for a sequence, distinct otherwise). `nil` when none of these says.
    public var actionText: String? {
        if let action = flatText("event.action") { return action }
        if let column = resultColumns.first(where: Self.isActionColumn) {
            let values = columnValues(column)
            if !values.isEmpty { return values.joined(separator: ", ") }
        }
        if case .sequence = shape {
            let actions = memberEvents.map(\.action).filter { !$0.isEmpty }
            return actions.isEmpty ? nil : actions.joined(separator: " → ")
        }
        return Self.summarised(memberEvents.map(\.action))
    }

    /// The member events related activity found in the index, in time order.
    public var memberEvents: [EventSummary] {
        relatedActivity.filter { $0.relation.contains(.member) }.map(\.event)
    }

    /// Columns naming who acted, best first: the identity ARN, any other ARN list, a user name.
    static func identityColumns(in columns: [String]) -> [String] {
        let arn = columns.filter {
            $0 == "aws.cloudtrail.user_identity.arn" || $0.hasSuffix("user_identity_arn_values")
        }
        let otherARNs = columns.filter { $0.hasSuffix("_arn_values") && !arn.contains($0) }
        let names = columns.filter { $0 == "user.name" || $0.hasSuffix("user_name_values") }
        return arn + otherARNs + names
    }

    static func isActionColumn(_ column: String) -> Bool {
        column == "event.action" || column.hasSuffix("event_action_values")
    }

    /// One value as it is, several as the first and a count (`a (+2 more)`), none as `nil`.
    static func summarised(_ values: [String]) -> String? {
        var distinct: [String] = []
        var seen: Set<String> = []
        for value in values where !value.isEmpty && seen.insert(value).inserted {
            distinct.append(value)
        }
        guard let first = distinct.first else { return nil }
        return distinct.count == 1 ? first : "\(first) (+\(distinct.count - 1) more)"
    }

    private func flatText(_ key: String) -> String? {
        guard let value = flatJSON[key] else { return nil }
        let text = value.scalarText ?? value.arrayValue?.compactMap(\.scalarText).joined(separator: ", ") ?? ""
        return text.isEmpty ? nil : text
    }
}

/// Reading an alert's group facts back from its flat form (`kibana.alert.threshold_result.*`,
/// `kibana.alert.group.*`, `trailtriage.members`, `trailtriage.esql.columns`), so a record read
/// from the store knows its shape as the scan's did.
enum AlertGroupFacts {
    static func threshold(in flat: JSONObject) -> ThresholdResult? {
        guard let count = flat["kibana.alert.threshold_result.count"]?.scalarText.flatMap({ Int($0) }) else {
            return nil
        }
        let terms = (flat["kibana.alert.threshold_result.terms"]?.arrayValue ?? []).compactMap { term in
            term["field"]?.stringValue.map { field in
                ThresholdResult.Term(field: field, value: term["value"].flatMap(text) ?? "")
            }
        }
        let cardinality = (flat["kibana.alert.threshold_result.cardinality"]?.arrayValue ?? []).compactMap { entry in
            entry["field"]?.stringValue.map { field in
                ThresholdResult.Cardinality(
                    field: field, value: entry["value"]?.scalarText.flatMap { Int($0) } ?? 0)
            }
        }
        let from = flat["kibana.alert.threshold_result.from"]?.stringValue.flatMap(ECSTimestamp.parse) ?? 0
        return ThresholdResult(terms: terms, count: count, fromMilliseconds: from, cardinality: cardinality)
    }

    static func group(in flat: JSONObject) -> AlertGroupMembership? {
        guard let id = flat["kibana.alert.group.id"]?.stringValue else { return nil }
        return AlertGroupMembership(id: id, index: flat["kibana.alert.group.index"]?.scalarText.flatMap { Int($0) })
    }

    static func members(in flat: JSONObject) -> [AlertMember] {
        (flat["trailtriage.members"]?.arrayValue ?? []).compactMap { entry in
            guard let key = entry["event_key"]?.stringValue,
                let time = entry["time"]?.stringValue.flatMap(ECSTimestamp.parse)
            else { return nil }
            // The flat form keeps what finds the record again, not its byte offset.
            let location = RecordLocation(
                file: entry["file"]?.stringValue ?? "", index: entry["record"]?.scalarText.flatMap { Int($0) } ?? 0,
                line: entry["line"]?.scalarText.flatMap { Int($0) }, byteOffset: 0)
            return AlertMember(eventKey: key, time: time, location: location)
        }
    }

    static func resultColumns(in flat: JSONObject) -> [String] {
        (flat["trailtriage.esql.columns"]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    private static func text(_ value: JSONValue) -> String? { value.scalarText }
}
