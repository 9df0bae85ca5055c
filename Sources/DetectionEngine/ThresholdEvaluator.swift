/// Decides a threshold rule's alerts from its query matches, run by simulated run.
///
/// Within each run's window, events are grouped by every combination of their group-by values
/// (an event missing a group field is not counted; with no fields the window is one group).
/// A group alerts when it has at least `minimumCount` events and, when set, at least
/// `minimumCardinality` distinct values of the cardinality field. As Kibana does, each group
/// remembers the time of the last event it alerted on, and later runs count only its events
/// after that time, so a burst seen by two overlapping runs alerts once.
struct ThresholdEvaluator {
    struct Candidate {
        var time: Int64
        var eventKey: String
        /// The event's group-by combinations (hashed, see ``CombinationKey``).
        var groups: ArraySlice<CombinationKey>
        /// The event's values of the cardinality field (hashed).
        var cardinalityValues: ArraySlice<CombinationKey>
        var payload: Int
    }

    /// One qualifying group of one run.
    struct GroupAlert {
        var runEnd: Int64
        var group: CombinationKey
        /// The counted events' payloads, in time order.
        var members: [Int]
        var from: Int64
        var to: Int64
        /// Distinct values of the cardinality field among the counted events.
        var cardinality: Int
    }

    let runs: RuleRuns
    let minimumCount: Int
    let minimumCardinality: Int?

    func evaluate(_ candidates: [Candidate]) -> [GroupAlert] {
        let ordered = candidates.sorted { lhs, rhs in
            lhs.time != rhs.time ? lhs.time < rhs.time : lhs.eventKey < rhs.eventKey
        }
        guard let first = ordered.first else { return [] }
        var lastAlerted: [CombinationKey: Int64] = [:]
        var alerts: [GroupAlert] = []
        var low = 0
        var high = 0
        var end = runs.firstRunEnd(holding: first.time)
        while low < ordered.count {
            let window = runs.window(endingAt: end)
            while low < ordered.count && ordered[low].time < window.lowerBound { low += 1 }
            while high < ordered.count && ordered[high].time <= window.upperBound { high += 1 }
            if low < high {
                alerts.append(contentsOf: decide(ordered[low..<high], runEnd: end, lastAlerted: &lastAlerted))
                end = runs.nextRunEnd(after: end)
            } else if high < ordered.count {
                // No event in this window: skip straight to the first run that holds the next one.
                end = max(runs.nextRunEnd(after: end), runs.firstRunEnd(holding: ordered[high].time))
            } else {
                break
            }
            if lastAlerted.count > 4096 {
                lastAlerted = lastAlerted.filter { $0.value >= window.lowerBound }
            }
        }
        return alerts
    }

    private func decide(
        _ events: ArraySlice<Candidate>, runEnd: Int64, lastAlerted: inout [CombinationKey: Int64]
    ) -> [GroupAlert] {
        var tallies: [CombinationKey: Tally] = [:]
        var order: [CombinationKey] = []
        for event in events {
            for group in Set(event.groups) {
                if let last = lastAlerted[group], event.time <= last { continue }
                if tallies[group] == nil { order.append(group) }
                let counts = minimumCardinality != nil
                let time = event.time
                let payload = event.payload
                let values = event.cardinalityValues
                Self.update(&tallies[group, default: Tally()]) { tally in
                    tally.members.append(payload)
                    tally.from = min(tally.from, time)
                    tally.to = max(tally.to, time)
                    if counts { tally.distinct.formUnion(values) }
                }
            }
        }
        var alerts: [GroupAlert] = []
        for group in order {
            guard let tally = tallies[group], tally.members.count >= minimumCount else { continue }
            if let minimumCardinality, tally.distinct.count < minimumCardinality { continue }
            lastAlerted[group] = tally.to
            alerts.append(
                GroupAlert(
                    runEnd: runEnd, group: group, members: tally.members, from: tally.from, to: tally.to,
                    cardinality: tally.distinct.count))
        }
        return alerts
    }

    struct Tally {
        var members: [Int] = []
        var from = Int64.max
        var to = Int64.min
        var distinct: Set<CombinationKey> = []
    }

    private static func update(_ tally: inout Tally, _ change: (inout Tally) -> Void) {
        change(&tally)
    }
}
