/// Finds completed sequences among events fed in time order.
///
/// For each join key it keeps, per stage, at most one pending partial sequence: the events that
/// completed the stages before it. An event matching stage 0 opens a partial sequence waiting for
/// stage 1, replacing an older one there. An event matching a later stage k extends the partial
/// sequence waiting for k, if there is one and its first event is at most `maxspan` earlier
/// (an older one is dropped); it then waits for stage k + 1 (replacing what waited there) or, at
/// the last stage, completes. An event is used once: when it fits several stages, the latest
/// stage it can extend takes it, and stage 0 only when no later stage does.
///
/// The caller orders the events by time and breaks ties (by event id), as Elasticsearch does.
public struct EQLSequenceMatcher: Sendable {
    /// One event as the matcher sees it.
    public struct Event: Sendable, Equatable {
        /// The event time, in milliseconds.
        public var time: Int64
        /// The `by` key (``EQLSequence/joinKey(of:)``); nil when the event cannot join.
        public var joinKey: [String]?
        /// The stages the event satisfies (``EQLSequence/stagesMatched(by:categoryField:)``).
        public var stagesMatched: [Int]

        public init(time: Int64, joinKey: [String]?, stagesMatched: [Int]) {
            self.time = time
            self.joinKey = joinKey
            self.stagesMatched = stagesMatched
        }
    }

    private struct Partial: Sendable {
        var startTime: Int64
        var eventIndices: [Int]
    }

    public let stageCount: Int
    public let maxspanMilliseconds: Int64?
    /// Pending partial sequences by join key; the array index is the stage they wait for.
    private var pending: [[String]: [Partial?]] = [:]
    private var eventsSeen = 0

    /// Creates a matcher for a sequence's shape.
    public init(stageCount: Int, maxspanMilliseconds: Int64?) {
        self.stageCount = stageCount
        self.maxspanMilliseconds = maxspanMilliseconds
    }

    /// Creates a matcher for a parsed sequence.
    public init(_ sequence: EQLSequence) {
        self.init(stageCount: sequence.stageCount, maxspanMilliseconds: sequence.maxspanMilliseconds)
    }

    /// Feeds the next event (its index is the number of events fed before it).
    ///
    /// - Returns: The completed sequence, as event indices in stage order, when this event
    ///   completes one.
    public mutating func add(_ event: Event) -> [Int]? {
        let index = eventsSeen
        eventsSeen += 1
        guard let key = event.joinKey, stageCount >= 1 else {
            return nil
        }
        var slots = pending[key] ?? Array(repeating: nil, count: stageCount)
        defer { pending[key] = slots }
        let stages = Set(event.stagesMatched.filter { $0 >= 0 && $0 < stageCount })
        for stage in stages.sorted(by: >) where stage > 0 {
            guard let partial = slots[stage] else {
                continue
            }
            slots[stage] = nil
            if let maxspan = maxspanMilliseconds, event.time - partial.startTime > maxspan {
                continue
            }
            let extended = Partial(startTime: partial.startTime, eventIndices: partial.eventIndices + [index])
            if stage == stageCount - 1 {
                return extended.eventIndices
            }
            slots[stage + 1] = extended
            return nil
        }
        if stages.contains(0) {
            if stageCount == 1 {
                return [index]
            }
            slots[1] = Partial(startTime: event.time, eventIndices: [index])
        }
        return nil
    }

    /// The completed sequences among `events`, given in time order.
    public static func completedSequences(
        in events: [Event], stageCount: Int, maxspanMilliseconds: Int64?
    ) -> [[Int]] {
        var matcher = EQLSequenceMatcher(stageCount: stageCount, maxspanMilliseconds: maxspanMilliseconds)
        return events.compactMap { matcher.add($0) }
    }
}
