import CloudTrailReader
import ECSMapping

/// One detection: a rule matched an event, or a group of events (a threshold group, an EQL
/// sequence, an aggregating ES|QL row).
public struct Alert: Sendable, Identifiable {
    /// Stable across runs and machines for the same input (see ``AlertIdentity``).
    public var uuid: String
    public var rule: AlertRule
    /// The source event's `@timestamp`, in epoch milliseconds.
    public var originalTime: Int64
    /// The new value combination, for new_terms rules, in field order.
    public var newTerms: [String]?
    /// The source event as an ECS document. For an alert about a group of events it holds what
    /// Kibana's alert holds instead: a threshold group's terms, a sequence's shared fields, an
    /// aggregating ES|QL row's columns.
    public var document: ECSDocument
    /// Where the source record was read (for a group, its latest member's record).
    public var location: RecordLocation
    /// The event's identity (`eventID`, or a content hash); for a group, its latest member's.
    public var eventKey: String
    /// A threshold alert's group.
    public var threshold: ThresholdResult?
    /// The events a group alert stands for, in time order; empty for a one-event alert.
    public var members: [AlertMember]
    /// The EQL sequence this alert belongs to (`kibana.alert.group`).
    public var group: AlertGroupMembership?
    /// For an aggregating ES|QL alert, the returned columns in the query's order (the document
    /// holds their values); empty for other alerts.
    public var resultColumns: [String]
    /// For an aggregating ES|QL alert, how many simulated runs returned its group (overlapping
    /// runs repeat it; Kibana would alert each time); 0 for other alerts.
    public var runCount: Int
    /// For an alert an engine returned (Spark, compiled SQL), why re-checking it against its raw
    /// record disagrees with the engine; empty when it agrees, and for every alert `scan` makes.
    public var recheckDisagreements: [String] = []

    public var id: String { uuid }

    public init(
        uuid: String, rule: AlertRule, originalTime: Int64, newTerms: [String]?, document: ECSDocument,
        location: RecordLocation, eventKey: String, threshold: ThresholdResult? = nil,
        members: [AlertMember] = [], group: AlertGroupMembership? = nil, resultColumns: [String] = [],
        runCount: Int = 0
    ) {
        self.uuid = uuid
        self.rule = rule
        self.originalTime = originalTime
        self.newTerms = newTerms
        self.document = document
        self.location = location
        self.eventKey = eventKey
        self.threshold = threshold
        self.members = members
        self.group = group
        self.resultColumns = resultColumns
        self.runCount = runCount
    }
}

extension Alert {
    /// Alerts in report order: by original time, then id.
    public static func reportOrder(_ lhs: Alert, _ rhs: Alert) -> Bool {
        if lhs.originalTime != rhs.originalTime { return lhs.originalTime < rhs.originalTime }
        return lhs.uuid < rhs.uuid
    }
}
