import CloudTrailReader

/// An event that matched a rule's query, before new-terms and max_signals decide on alerts.
///
/// The record's bytes are kept instead of its ECS document: a document is several times larger,
/// and only the matches that become alerts need one, so it is mapped again from these bytes at
/// the end (see ``AlertDecider``). Rules matching the same record share one copy.
struct RuleMatch: Sendable {
    var time: Int64
    var eventKey: String
    var record: [UInt8]
    /// The hash of the event's canonical content, set only when other content shares `eventKey`
    /// (see ``EventIDConflicts``): it then tells this event apart.
    var conflictContent: String? = nil
    var location: RecordLocation
    /// Value combinations of the new-terms fields; `nil` for query rules.
    var combinations: [[String]]?

    /// What makes two matches the same event: the event key, plus the content when the key is
    /// shared by different content.
    var identity: String {
        conflictContent.map { eventKey + "\u{1E}" + $0 } ?? eventKey
    }

    /// Earliest first; ties broken by where the record was read, so results never depend on
    /// which worker finished first.
    static func readOrder(_ lhs: RuleMatch, _ rhs: RuleMatch) -> Bool {
        if lhs.time != rhs.time { return lhs.time < rhs.time }
        if lhs.location.file != rhs.location.file { return lhs.location.file < rhs.location.file }
        return lhs.location.index < rhs.location.index
    }
}
