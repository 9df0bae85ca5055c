import EQL
import Testing

/// The sequence clause and the per-key state machine.
@Suite struct EQLSequenceTests {
    private let minute: Int64 = 60_000

    private func event(_ time: Int64, _ key: String?, _ stages: [Int]) -> EQLSequenceMatcher.Event {
        EQLSequenceMatcher.Event(time: time, joinKey: key.map { [$0] }, stagesMatched: stages)
    }

    private func sequences(_ events: [EQLSequenceMatcher.Event], stages: Int = 2, maxspan: Int64? = 10 * 60_000)
        -> [[Int]]
    {
        EQLSequenceMatcher.completedSequences(in: events, stageCount: stages, maxspanMilliseconds: maxspan)
    }

    @Test func parsesByFieldsAndMaxspan() throws {
        let query = try EQLQuery.parse(
            """
            sequence by aws.cloudtrail.user_identity.access_key_id, source.ip with maxspan=15m
              [any where event.action == "ListFoundationModels"]
              [info where event.action : "Invoke*"]
            """)
        let sequence = try #require(query.sequence)
        #expect(sequence.byFields == ["aws.cloudtrail.user_identity.access_key_id", "source.ip"])
        #expect(sequence.maxspanMilliseconds == 15 * minute)
        #expect(sequence.stageCount == 2)
        #expect(query.fieldsRead == ["aws.cloudtrail.user_identity.access_key_id", "source.ip", "event.action"])
        let listing = TestDocument(single: ["event.action": "ListFoundationModels"])
        let invoking = TestDocument(["event.action": ["InvokeModel"], "event.type": ["info"]])
        #expect(sequence.stagesMatched(by: listing) == [0])
        #expect(sequence.stagesMatched(by: invoking, categoryField: "event.type") == [1])
        #expect(sequence.stagesMatched(by: invoking) == [], "stage 2 needs category info in event.category")
    }

    @Test(arguments: [("1500ms", 1500), ("30s", 30_000), ("10m", 600_000), ("2h", 7_200_000), ("1d", 86_400_000)])
    func durationUnits(text: String, milliseconds: Int64) throws {
        let query = try EQLQuery.parse(
            #"sequence with maxspan=\#(text) by k [any where a == "1"] [any where a == "2"]"#)
        #expect(query.sequence?.maxspanMilliseconds == milliseconds)
        #expect(query.sequence?.byFields == ["k"], "`with` may come before `by`")
    }

    @Test func joinKeyNeedsEveryByField() throws {
        let sequence = try #require(
            try EQLQuery.parse(#"sequence by a, b [any where x == "1"] [any where x == "2"]"#).sequence)
        #expect(sequence.joinKey(of: TestDocument(single: ["a": "1", "b": "2"])) == ["1", "2"])
        #expect(sequence.joinKey(of: TestDocument(single: ["a": "1"])) == nil)
        #expect(sequence.joinKey(of: TestDocument(["a": ["1", "3"], "b": ["2"]])) == ["1\u{1F}3", "2"])
    }

    @Test func stageTwoWithinMaxspanCompletes() {
        #expect(sequences([event(0, "k", [0]), event(5 * minute, "k", [1])]) == [[0, 1]])
    }

    @Test func stageTwoAfterMaxspanDoesNotComplete() {
        #expect(sequences([event(0, "k", [0]), event(10 * minute + 1, "k", [1])]) == [])
    }

    @Test func maxspanIsInclusive() {
        #expect(sequences([event(0, "k", [0]), event(10 * minute, "k", [1])]) == [[0, 1]])
    }

    @Test func withoutMaxspanAnyGapCompletes() {
        #expect(sequences([event(0, "k", [0]), event(1_000 * minute, "k", [1])], maxspan: nil) == [[0, 1]])
    }

    @Test func newerStageOneReplacesTheOlder() {
        let events = [event(0, "k", [0]), event(8 * minute, "k", [0]), event(12 * minute, "k", [1])]
        #expect(sequences(events) == [[1, 2]], "the older start would be outside maxspan; the newer one is used")
        let close = [event(0, "k", [0]), event(1 * minute, "k", [0]), event(2 * minute, "k", [1])]
        #expect(sequences(close) == [[1, 2]], "only one pending sequence per key and stage")
    }

    @Test func stagesMustComeInOrder() {
        #expect(sequences([event(0, "k", [1]), event(1 * minute, "k", [0])]) == [])
    }

    @Test func differentKeysDoNotJoin() {
        let events = [event(0, "a", [0]), event(1 * minute, "b", [1]), event(2 * minute, "a", [1])]
        #expect(sequences(events) == [[0, 2]])
    }

    @Test func eventsWithoutAKeyCannotJoin() {
        #expect(sequences([event(0, nil, [0]), event(1 * minute, nil, [1])]) == [])
        #expect(sequences([event(0, "k", [0]), event(1 * minute, nil, [1])]) == [])
    }

    @Test func anEventIsUsedOnce() {
        // The second event fits both stages: it completes the pending sequence and does not also
        // start a new one, so the third event completes nothing.
        let events = [event(0, "k", [0]), event(1 * minute, "k", [0, 1]), event(2 * minute, "k", [1])]
        #expect(sequences(events) == [[0, 1]])
        // With nothing pending it starts one instead.
        #expect(sequences([event(0, "k", [0, 1]), event(1 * minute, "k", [1])]) == [[0, 1]])
    }

    @Test func completedSequenceIsConsumed() {
        let events = [event(0, "k", [0]), event(1 * minute, "k", [1]), event(2 * minute, "k", [1])]
        #expect(sequences(events) == [[0, 1]])
    }

    @Test func threeStagesKeepTheFirstEventsTime() {
        let events = [event(0, "k", [0]), event(6 * minute, "k", [1]), event(11 * minute, "k", [2])]
        #expect(sequences(events, stages: 3) == [], "maxspan runs from the first event, not the previous one")
        let quick = [event(0, "k", [0]), event(3 * minute, "k", [1]), event(9 * minute, "k", [2])]
        #expect(sequences(quick, stages: 3) == [[0, 1, 2]])
    }

    @Test func endToEndFromDocuments() throws {
        let sequence = try #require(
            try EQLQuery.parse(
                #"sequence by user with maxspan=1m [any where action == "List"] [any where action : "invoke*"]"#
            ).sequence)
        let documents = [
            TestDocument(single: ["user": "alice", "action": "List"]),
            TestDocument(single: ["user": "bob", "action": "InvokeModel"]),
            TestDocument(single: ["user": "alice", "action": "InvokeModel"]),
            TestDocument(single: ["action": "List"]),
        ]
        var matcher = EQLSequenceMatcher(sequence)
        let completed = documents.enumerated().compactMap { index, document in
            matcher.add(
                EQLSequenceMatcher.Event(
                    time: Int64(index) * 1000, joinKey: sequence.joinKey(of: document),
                    stagesMatched: sequence.stagesMatched(by: document)))
        }
        #expect(completed == [[0, 2]])
    }
}
