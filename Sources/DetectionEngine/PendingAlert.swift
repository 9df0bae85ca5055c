import Alerts
import ECSMapping

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

    static func reportOrder(_ lhs: PendingAlert, _ rhs: PendingAlert) -> Bool {
        if lhs.time != rhs.time { return lhs.time < rhs.time }
        return lhs.uuid < rhs.uuid
    }
}
