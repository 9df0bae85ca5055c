/// Collects an ``EventDigest`` of every event a scan reads, for views that need all events
/// (the console's related activity), not only the ones that alert.
///
/// Each worker fills its own accumulator; they are merged once at the end, so an accumulator
/// needs no locking.
public protocol EventAccumulator: Sendable {
    init()
    mutating func add(_ digest: EventDigest)
    /// Adds a digest read straight from a record's bytes (see ``RawEventDigest``). The default
    /// makes an ``EventDigest`` of it.
    mutating func add(raw: RawEventDigest)
    mutating func merge(_ other: Self)
}

extension EventAccumulator {
    public mutating func add(raw: RawEventDigest) {
        add(raw.digest)
    }
}

/// The accumulator of a scan that wants no digests: it makes the scan skip the work.
struct NoEventAccumulator: EventAccumulator {
    mutating func add(_ digest: EventDigest) {}
    mutating func add(raw: RawEventDigest) {}
    mutating func merge(_ other: NoEventAccumulator) {}
}
