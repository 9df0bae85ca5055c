import Alerts

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

    static func reportOrder(_ lhs: PendingAlert, _ rhs: PendingAlert) -> Bool {
        if lhs.time != rhs.time { return lhs.time < rhs.time }
        return lhs.uuid < rhs.uuid
    }
}
