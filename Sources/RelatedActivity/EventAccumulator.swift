/// Collects an ``EventSummary`` of every event a scan reads, for views that need all events
/// (the console's related activity), not only the ones that alert.
///
/// Each worker fills its own accumulator; they are merged once at the end, so an accumulator
/// needs no locking.
public protocol EventAccumulator: Sendable {
    /// The actions whose summaries must carry their mapped document, because this accumulator
    /// reads more of them than the summary's fields. A scan summarises every other event from
    /// the record's bytes when it can, and drops the document of any event it had to map.
    static var actionsNeedingDocuments: Set<String> { get }

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
