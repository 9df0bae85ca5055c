/// A time a filter starts or ends at: absolute (UTC), or relative to the newest loaded alert,
/// since a recorded case is usually examined long after its events.
enum TimeBound: Sendable, Hashable {
    case absolute(Int64)
    /// Milliseconds before the newest alert's event time (positive).
    case beforeNewest(Int64)
}
