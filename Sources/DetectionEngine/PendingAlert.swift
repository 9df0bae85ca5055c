import Alerts

/// An alert decided on but not yet built: its document is mapped from the match's record only
/// once deduplication, new terms and max_signals have kept it.
struct PendingAlert: Sendable {
    var uuid: String
    var rule: AlertRule
    var newTerms: [String]?
    var match: RuleMatch

    static func reportOrder(_ lhs: PendingAlert, _ rhs: PendingAlert) -> Bool {
        if lhs.match.time != rhs.match.time { return lhs.match.time < rhs.match.time }
        return lhs.uuid < rhs.uuid
    }
}
