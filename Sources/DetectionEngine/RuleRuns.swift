/// A rule's schedule simulated on the event-time axis: a run ends at every multiple of the
/// interval and looks back over `[end - lookback, end]`, as Kibana's `from`/`interval` do. With
/// the default `now-6m` every `5m` the windows overlap by a minute, which is why grouping rules
/// keep per-group memory between runs.
struct RuleRuns: Sendable {
    let intervalMilliseconds: Int64
    let lookbackMilliseconds: Int64

    /// The end of the first run whose window holds `time`.
    func firstRunEnd(holding time: Int64) -> Int64 {
        let interval = max(intervalMilliseconds, 1)
        let quotient = AlertDecider.floorDivide(time, interval)
        let floor = quotient &* interval
        return floor == time ? floor : floor &+ interval
    }

    /// The window of the run ending at `end`, both ends inclusive (Kibana's `gte`/`lte`).
    func window(endingAt end: Int64) -> ClosedRange<Int64> {
        (end &- max(lookbackMilliseconds, 0))...end
    }

    /// The end of the run after the one ending at `end`.
    func nextRunEnd(after end: Int64) -> Int64 {
        end &+ max(intervalMilliseconds, 1)
    }
}
