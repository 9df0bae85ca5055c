import CloudTrailReader

/// What a scan read, what it could not use, and what it found.
public struct ScanSummary: Sendable {
    public struct RuleCount: Sendable, Hashable {
        public var ruleID: String
        public var name: String
        public var alerts: Int
        /// Alerts left out because a simulated run exceeded the rule's `max_signals`.
        public var droppedByMaxSignals: Int
    }

    public var filesRead = 0
    public var filesSkipped = 0
    public var filesUnreadable = 0
    public var recordsRead = 0
    public var recordsMalformed = 0
    /// Records fully parsed and mapped (the rest were excluded by the prefilter).
    public var recordsEvaluated = 0
    /// Records whose event was already seen (CloudTrail can deliver an event twice).
    public var duplicateEvents = 0
    /// Records that share their `eventID` with a record of different content; each was evaluated
    /// as its own event and reported as an ``ReadIssue/Kind/eventIDConflict``.
    public var eventIDConflicts = 0
    public var bytesCompressed = 0
    public var bytesDecompressed = 0
    public var issues: [ReadIssue] = []
    public var rules: [RuleCount] = []
    public var elapsedSeconds = 0.0

    public init() {}
}
