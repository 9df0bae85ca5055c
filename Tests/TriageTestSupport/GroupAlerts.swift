import Alerts
import CloudTrailReader
import DetectionRules
import ECSMapping
import RelatedActivity
import TrailTriageJSON
import TriageModel

/// Alerts about several events, shaped as the engine makes them: a threshold group of failed
/// root sign-ins, an EQL sequence (CreateTrustAnchor then CreateProfile) with its building
/// blocks, and an aggregating ES|QL row over the sign-ins.
public enum GroupAlerts {
    public static let file = "trail.ndjson"

    public static func rootLoginFailure(_ id: String, time: String) -> String {
        """
        {"eventVersion":"1.08","userIdentity":{"type":"Root","principalId":"111122223333",\
        "arn":"arn:aws:iam::111122223333:root","accountId":"111122223333"},"eventTime":"\(time)",\
        "eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","awsRegion":"us-east-1",\
        "sourceIPAddress":"198.51.100.9","userAgent":"Mozilla/5.0","requestParameters":null,\
        "responseElements":{"ConsoleLogin":"Failure"},"errorMessage":"Failed authentication",\
        "eventID":"\(id)","eventType":"AwsConsoleSignIn","recipientAccountId":"111122223333"}
        """
    }

    /// Four failed sign-ins a minute apart, the first at 10:00:00.
    public static let failures: [ECSDocument] = (0..<4).map { offset in
        mapped(rootLoginFailure("fail-\(offset)", time: "2024-05-01T10:0\(offset):00Z"))
    }

    /// The sequence's events: CreateTrustAnchor, then CreateProfile, both by alice.
    public static let sequenceEvents: [ECSDocument] = [
        mapped(TestEvents.createTrustAnchor), mapped(TestEvents.createProfile),
    ]

    /// An index of every event above, as a console load builds it.
    public static let index: EventIndex = {
        var builder = EventIndexBuilder()
        for document in failures + sequenceEvents { builder.add(document: document) }
        return builder.build()
    }()

    public static func member(_ document: ECSDocument, record: Int) -> AlertMember {
        AlertMember(
            eventKey: document.eventID ?? "", time: document.timestampMilliseconds,
            location: RecordLocation(file: file, index: record, line: record + 1, byteOffset: record * 400))
    }

    static func rule(_ name: String, _ type: RuleType) -> AlertRule {
        AlertRule(ruleID: name.lowercased(), name: name, type: type, severity: .high, riskScore: 73)
    }

    static func document(_ fields: [(String, JSONValue)], time: Int64) -> ECSDocument {
        ECSDocument(
            flattened: [JSONMember(key: "@timestamp", value: .string(ECSTimestamp.format(milliseconds: time)))]
                + fields.map { JSONMember(key: $0.0, value: $0.1) },
            timestampMilliseconds: time, eventID: nil)
    }

    /// A threshold alert grouped by account, counting the four failures.
    public static let threshold: Alert = {
        let last = failures[failures.count - 1]
        return Alert(
            uuid: "thre5h01d-root", rule: rule("Root Brute Force", .threshold),
            originalTime: last.timestampMilliseconds,
            newTerms: nil,
            document: document([("cloud.account.id", .string("111122223333"))], time: last.timestampMilliseconds),
            location: member(last, record: 3).location, eventKey: last.eventID ?? "",
            threshold: ThresholdResult(
                terms: [.init(field: "cloud.account.id", value: "111122223333")], count: 4,
                fromMilliseconds: failures[0].timestampMilliseconds,
                cardinality: [.init(field: "source.ip", value: 1)]),
            members: failures.enumerated().map { member($1, record: $0) })
    }()

    static let groupID = "seq-group-1"

    /// The sequence alert: its document holds what both events share.
    public static let sequence: Alert = {
        let first = sequenceEvents[0].flattened()
        let second = Dictionary(
            sequenceEvents[1].flattened().map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        let shared = first.filter { $0.key != "@timestamp" && $0.key != "event.original" && second[$0.key] == $0.value }
        let last = sequenceEvents[1]
        return Alert(
            uuid: "sequence-alert", rule: rule("Anchor Then Profile", .eql), originalTime: last.timestampMilliseconds,
            newTerms: nil, document: document(shared.map { ($0.key, $0.value) }, time: last.timestampMilliseconds),
            location: member(last, record: 5).location, eventKey: last.eventID ?? "",
            members: [member(sequenceEvents[0], record: 4), member(sequenceEvents[1], record: 5)],
            group: AlertGroupMembership(id: groupID, index: nil))
    }()

    /// The sequence's building blocks, one per event, each with that event's document.
    public static let buildingBlocks: [Alert] = sequenceEvents.enumerated().map { position, event in
        Alert(
            uuid: "building-block-\(position)", rule: rule("Anchor Then Profile", .eql),
            originalTime: event.timestampMilliseconds, newTerms: nil, document: event,
            location: member(event, record: 4 + position).location, eventKey: event.eventID ?? "",
            group: AlertGroupMembership(id: groupID, index: position))
    }

    /// The aggregating ES|QL columns, in the query's order.
    public static let aggregationColumns = [
        "Esql.event_count", "Esql.source_ip_values", "Esql.aws_cloudtrail_user_identity_arn_values",
        "Esql.event_action_values", "cloud.account.id",
    ]

    /// An aggregating ES|QL row over the failures.
    public static let aggregation: Alert = {
        let last = failures[failures.count - 1]
        let values: [(String, JSONValue)] = [
            ("Esql.event_count", .number("4")),
            ("Esql.source_ip_values", .array([.string("198.51.100.9"), .string("198.51.100.10")])),
            ("Esql.aws_cloudtrail_user_identity_arn_values", .string("arn:aws:iam::111122223333:root")),
            ("Esql.event_action_values", .array([.string("ConsoleLogin")])),
            ("cloud.account.id", .string("111122223333")),
        ]
        return Alert(
            uuid: "esql-aggregate", rule: rule("Sign-in Burst", .esql), originalTime: last.timestampMilliseconds,
            newTerms: nil, document: document(values, time: last.timestampMilliseconds),
            location: member(last, record: 3).location, eventKey: last.eventID ?? "",
            members: failures.enumerated().map { member($1, record: $0) }, resultColumns: aggregationColumns)
    }()

    /// The record a scan would save for `alert`, with related activity from ``index``.
    public static func record(_ alert: Alert, guide: GuideSnapshot = GuideSnapshot()) -> AlertRecord {
        AlertRecord(alert: alert, guide: guide, mitre: [], index: index)
    }

    /// The same record as the store gives it back: rebuilt from its flat form.
    public static func stored(_ record: AlertRecord) -> AlertRecord {
        AlertRecord(
            uuid: record.uuid, rule: record.rule, mitre: record.mitre, originalTime: record.originalTime,
            flatJSON: record.flatJSON, guide: record.guide, relatedActivity: record.relatedActivity,
            trustAnchors: record.trustAnchors, firstSeen: record.firstSeen)
    }

    static func mapped(_ json: String) -> ECSDocument {
        do {
            return try TestEvents.document(json)
        } catch {
            fatalError("test record does not map: \(error)")
        }
    }
}
