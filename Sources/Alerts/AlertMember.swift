import CloudTrailReader

/// One of the events an alert stands for when it is about several: the counted events of a
/// threshold group, the events of an EQL sequence, the events behind an aggregating ES|QL row.
public struct AlertMember: Sendable, Hashable {
    /// The event's identity (`eventID`, or a content hash), as in ``Alert/eventKey``.
    public var eventKey: String
    /// The event's `@timestamp`, epoch milliseconds.
    public var time: Int64
    /// Where the event's record was read.
    public var location: RecordLocation

    public init(eventKey: String, time: Int64, location: RecordLocation) {
        self.eventKey = eventKey
        self.time = time
        self.location = location
    }
}
