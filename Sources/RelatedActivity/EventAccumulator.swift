/// Collects an ``EventSummary`` of every event a scan reads, for views that need all events
/// (the console's related activity), not only the ones that alert.
///
/// Each worker fills its own accumulator; they are merged once at the end, so an accumulator
/// needs no locking.
public protocol EventAccumulator: Sendable {
    init()
    mutating func add(_ summary: EventSummary)
    /// Adds a summary read straight from a record's bytes (see ``RawEventSummary``). The
    /// default makes an ``EventSummary`` of it.
    mutating func add(raw: RawEventSummary)
    mutating func merge(_ other: Self)
}

extension EventAccumulator {
    public mutating func add(raw: RawEventSummary) {
        add(raw.summary)
    }
}
