import Testing

@testable import DetectionEngine

/// Threshold grouping over simulated runs (rule-types.md §1): runs every 5 minutes looking back
/// 6, groups counted per run, and no event counted twice for the same group.
@Suite struct ThresholdEvaluatorTests {
    static let minute: Int64 = 60_000
    let runs = RuleRuns(intervalMilliseconds: 5 * minute, lookbackMilliseconds: 6 * minute)

    private func event(
        _ time: Int64, _ key: String, groups: [[String]] = [["g"]], values: [String] = [], _ payload: Int
    ) -> ThresholdEvaluator.Candidate {
        ThresholdEvaluator.Candidate(
            time: time, eventKey: key, groups: ArraySlice(groups.map(CombinationKey.init)),
            cardinalityValues: ArraySlice(values.map { CombinationKey([$0]) }), payload: payload)
    }

    private func evaluate(_ events: [ThresholdEvaluator.Candidate], count: Int, cardinality: Int? = nil)
        -> [ThresholdEvaluator.GroupAlert]
    {
        ThresholdEvaluator(runs: runs, minimumCount: count, minimumCardinality: cardinality).evaluate(events)
    }

    @Test func aGroupAlertsOnceWhenItReachesTheCountWithinOneRun() {
        let events = (0..<3).map { event(Int64($0) * 1000, "e\($0)", $0) }
        let alerts = evaluate(events, count: 3)
        #expect(alerts.count == 1)
        #expect(alerts.first?.members == [0, 1, 2])
        #expect(alerts.first?.from == 0)
        #expect(alerts.first?.to == 2000)
        #expect(evaluate(events, count: 4).isEmpty)
    }

    @Test func groupsAreCountedApart() {
        let events = [
            event(0, "a1", groups: [["alice"]], 0), event(1, "b1", groups: [["bob"]], 1),
            event(2, "a2", groups: [["alice"]], 2),
        ]
        let alerts = evaluate(events, count: 2)
        #expect(alerts.map(\.members) == [[0, 2]])
    }

    /// An array group field puts the event in the group of each of its values.
    @Test func anEventWithSeveralGroupValuesCountsInEach() {
        let events = [
            event(0, "x", groups: [["r1"], ["r2"]], 0), event(1, "y", groups: [["r1"]], 1),
            event(2, "z", groups: [["r2"]], 2),
        ]
        #expect(evaluate(events, count: 2).map(\.members).sorted { $0[1] < $1[1] } == [[0, 1], [0, 2]])
    }

    /// A burst the 1-minute overlap of two runs both see alerts once: the second run counts only
    /// the group's events after the last one it alerted on.
    @Test func aBurstSeenByTwoOverlappingRunsAlertsOnce() {
        // 5:00 is in the run ending at 5:00 and in the one ending at 10:00 (window 4:00–10:00).
        let burst = (0..<3).map { event(5 * Self.minute - 2000 + Int64($0) * 1000, "b\($0)", $0) }
        let alerts = evaluate(burst, count: 3)
        #expect(alerts.count == 1)
        #expect(alerts.first?.runEnd == 5 * Self.minute)
    }

    @Test func eventsAfterAnAlertCountAfreshInLaterRuns() {
        var events = (0..<2).map { event(Int64($0) * 1000, "a\($0)", $0) }
        // Inside the next run's window (4:00–10:00) but after the alerted events: a new group count.
        events += (0..<2).map { event(7 * Self.minute + Int64($0) * 1000, "b\($0)", 2 + $0) }
        let alerts = evaluate(events, count: 2)
        #expect(alerts.map(\.members) == [[0, 1], [2, 3]])
    }

    /// Events further apart than one run's window never add up.
    @Test func eventsInDifferentWindowsDoNotAddUp() {
        let events = [event(0, "a", 0), event(7 * Self.minute, "b", 1)]
        #expect(evaluate(events, count: 2).isEmpty)
        // 6 minutes apart exactly: both ends of the run ending at 10:00 are inclusive.
        let edge = [event(4 * Self.minute, "a", 0), event(10 * Self.minute, "b", 1)]
        #expect(evaluate(edge, count: 2).map(\.runEnd) == [10 * Self.minute])
    }

    @Test func cardinalityCountsDistinctValuesOfTheCountedEvents() {
        let events = [
            event(0, "a", values: ["s1"], 0), event(1, "b", values: ["s1"], 1), event(2, "c", values: ["s2"], 2),
            event(3, "d", values: [], 3),
        ]
        #expect(evaluate(events, count: 1, cardinality: 3).isEmpty)
        let alerts = evaluate(events, count: 1, cardinality: 2)
        #expect(alerts.first?.cardinality == 2)
        #expect(alerts.first?.members.count == 4, "an event without the cardinality field still counts")
    }

    @Test func orderIsByTimeWhateverTheInputOrder() {
        let events = [event(2000, "c", 0), event(0, "a", 1), event(1000, "b", 2)]
        #expect(evaluate(events, count: 3).first?.members == [1, 2, 0])
    }

    @Test func runsSkipLongQuietStretches() {
        let year: Int64 = 365 * 24 * 60 * Self.minute
        let events = [event(0, "a", 0), event(0, "b", 1), event(year, "c", 2), event(year, "d", 3)]
        #expect(evaluate(events, count: 2).map(\.members) == [[0, 1], [2, 3]])
    }
}
