import CloudTrailReader
import ECSMapping

/// One detection: a rule matched an event.
public struct Alert: Sendable, Identifiable {
    /// Stable across runs and machines for the same input (see ``AlertIdentity``).
    public var uuid: String
    public var rule: AlertRule
    /// The source event's `@timestamp`, in epoch milliseconds.
    public var originalTime: Int64
    /// The new value combination, for new_terms rules, in field order.
    public var newTerms: [String]?
    /// The source event as an ECS document.
    public var document: ECSDocument
    /// Where the source record was read.
    public var location: RecordLocation
    /// The event's identity (`eventID`, or a content hash).
    public var eventKey: String

    public var id: String { uuid }

    public init(
        uuid: String, rule: AlertRule, originalTime: Int64, newTerms: [String]?, document: ECSDocument,
        location: RecordLocation, eventKey: String
    ) {
        self.uuid = uuid
        self.rule = rule
        self.originalTime = originalTime
        self.newTerms = newTerms
        self.document = document
        self.location = location
        self.eventKey = eventKey
    }
}

extension Alert {
    /// Alerts in report order: by original time, then id.
    public static func reportOrder(_ lhs: Alert, _ rhs: Alert) -> Bool {
        if lhs.originalTime != rhs.originalTime { return lhs.originalTime < rhs.originalTime }
        return lhs.uuid < rhs.uuid
    }
}
