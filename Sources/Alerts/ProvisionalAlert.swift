/// A query-rule match as its file finishes, before the scan decides the alerts: what an alert
/// list row shows, so a console can list alerts while the rest of the input is still read.
///
/// Most of these become alerts with the same ``uuid``; the deciding step can still drop one
/// (a later duplicate delivery, `max_signals`) or give it another id (an eventID shared by
/// different content), so a list of them is replaced by the decided alerts when the scan ends.
/// new_terms matches are never provisional: only the whole input decides them.
public struct ProvisionalAlert: Sendable, Hashable {
    /// The id the alert gets when nothing about its event is in conflict (``AlertIdentity``).
    public var uuid: String
    public var rule: AlertRule
    /// The event's `@timestamp`, epoch milliseconds.
    public var time: Int64
    /// `aws.cloudtrail.user_identity.arn`.
    public var actor: String
    /// `event.action`.
    public var action: String
    /// `cloud.account.id`.
    public var account: String
    /// `cloud.region`.
    public var region: String

    public init(
        uuid: String, rule: AlertRule, time: Int64, actor: String, action: String, account: String, region: String
    ) {
        self.uuid = uuid
        self.rule = rule
        self.time = time
        self.actor = actor
        self.action = action
        self.account = account
        self.region = region
    }
}
