import Alerts
import ECSMapping
import TrailTriageJSON

/// An alert decided on but not yet built: its record is read again and mapped into its document
/// only once deduplication, new terms and max_signals have kept it.
struct PendingAlert: Sendable {
    var uuid: String
    var rule: AlertRule
    /// The rule's position in the scan's rules.
    var ruleIndex: Int
    var newTerms: [String]?
    /// The matched record's position in the scan's ``MatchTable/records``.
    var record: Int
    var time: Int64
    /// For a threshold alert: its group, its counted events (positions in the table, in time
    /// order) and its document, which holds the group's terms and so needs no second read.
    var threshold: ThresholdResult?
    var members: [Int] = []
    var builtDocument: ECSDocument?
    /// An EQL sequence alert or building block's place in its sequence.
    var group: AlertGroupMembership?
    /// Whether the document is the fields the members' documents share (an EQL sequence alert),
    /// built once the members' records are read again.
    var sharesMembersFields = false
    /// Columns an ES|QL row adds to (or sets in) the source document, or an aggregating row's
    /// columns in order.
    var resultColumns: [String] = []
    var addedFields: [JSONMember] = []
    /// How many simulated runs returned an aggregating ES|QL row (overlapping runs repeat it).
    var runCount = 0

    static func reportOrder(_ lhs: PendingAlert, _ rhs: PendingAlert) -> Bool {
        if lhs.time != rhs.time { return lhs.time < rhs.time }
        return lhs.uuid < rhs.uuid
    }
}
