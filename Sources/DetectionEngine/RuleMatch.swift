import CloudTrailReader
import ECSMapping

/// An event that matched a rule's query, before new-terms and max_signals decide on alerts.
struct RuleMatch: Sendable {
    var time: Int64
    var eventKey: String
    /// The hash of the event's canonical content (``AlertIdentity/contentKey(of:)``).
    var contentKey: String
    /// Set (to `contentKey`) when other content shares `eventKey`: it then tells this event apart.
    var conflictContent: String?
    var document: ECSDocument
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
