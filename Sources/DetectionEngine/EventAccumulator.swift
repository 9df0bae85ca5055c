/// Collects an ``EventDigest`` of every event a scan reads, for views that need all events
/// (the console's related activity), not only the ones that alert.
///
/// Each worker fills its own accumulator; they are merged once at the end, so an accumulator
/// needs no locking.
public protocol EventAccumulator: Sendable {
    init()
    mutating func add(_ digest: EventDigest)
    mutating func merge(_ other: Self)
}

/// The accumulator of a scan that wants no digests: it makes the scan skip the work.
struct NoEventAccumulator: EventAccumulator {
    mutating func add(_ digest: EventDigest) {}
    mutating func merge(_ other: NoEventAccumulator) {}
}
