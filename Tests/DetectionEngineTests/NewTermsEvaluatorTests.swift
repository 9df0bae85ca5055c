import Testing

@testable import DetectionEngine

@Suite struct NewTermsEvaluatorTests {
    static let day: Int64 = 86_400_000
    let evaluator = NewTermsEvaluator(windowMilliseconds: 14 * day)

    private func candidate(_ time: Int64, _ key: String, _ terms: [[String]], _ payload: Int)
        -> NewTermsEvaluator.Candidate
    {
        .init(time: time, eventKey: key, combinations: terms, payload: payload)
    }

    @Test func windowStartIsInclusiveAndTheEventItselfIsExcluded() {
        let decisions = evaluator.evaluate([
            candidate(0, "a", [["x"]], 0),
            candidate(14 * Self.day, "b", [["x"]], 1),  // previous at exactly t - window: seen
            candidate(28 * Self.day + 1, "c", [["x"]], 2),  // previous 14 d + 1 ms ago: new again
        ])
        #expect(decisions.map(\.payload) == [0, 2])
    }

    @Test func ordersByTimeWhateverTheInputOrder() {
        let decisions = evaluator.evaluate([
            candidate(5 * Self.day, "late", [["x"]], 0),
            candidate(1 * Self.day, "early", [["x"]], 1),
        ])
        #expect(decisions.map(\.payload) == [1])
    }

    /// Kibana alerts once per new term, on the earliest document; two documents at that same
    /// instant give one alert, the tie broken by event key (detection-semantics §2.3).
    @Test func aTermFirstSeenByTwoEventsAtOneInstantAlertsOnce() {
        let decisions = evaluator.evaluate([candidate(7, "b", [["x"]], 0), candidate(7, "a", [["x"]], 1)])
        #expect(decisions.map(\.payload) == [1])
    }

    /// The same instant is still not history: each event's other terms are judged on their own.
    @Test func eventsAtTheSameInstantAreNotEachOthersHistory() {
        let decisions = evaluator.evaluate([
            candidate(7, "b", [["x"], ["y"]], 0), candidate(7, "a", [["x"]], 1),
        ])
        #expect(decisions.map(\.payload) == [1, 0])
        #expect(decisions.map(\.newTerms) == [["x"], ["y"]])
    }

    @Test func eachNewCombinationOfAnEventAlerts() {
        let decisions = evaluator.evaluate([
            candidate(0, "a", [["r1", "u1"]], 0),
            candidate(Self.day, "b", [["r1", "u1"], ["r1", "u2"]], 1),
        ])
        #expect(decisions.map(\.newTerms) == [["r1", "u1"], ["r1", "u2"]])
    }

    @Test func combinationsAreTheCartesianProductCappedAtOneHundred() {
        #expect(
            NewTermsEvaluator.combinations(of: [["a", "b"], ["1", "2", "2"]]) == [
                ["a", "1"], ["a", "2"], ["b", "1"], ["b", "2"],
            ])
        #expect(NewTermsEvaluator.combinations(of: [["a"], []]).isEmpty)
        let many = (0..<20).map(String.init)
        #expect(NewTermsEvaluator.combinations(of: [many, many, many]).count == 100)
    }
}
