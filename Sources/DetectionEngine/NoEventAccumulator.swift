import RelatedActivity

/// The accumulator of a scan that wants no summaries: it makes the scan skip the work.
struct NoEventAccumulator: EventAccumulator {
    static let actionsNeedingDocuments: Set<String> = []
    mutating func add(_ summary: EventSummary) {}
    mutating func add(raw: RawEventSummary) {}
    mutating func merge(_ other: NoEventAccumulator) {}
}
