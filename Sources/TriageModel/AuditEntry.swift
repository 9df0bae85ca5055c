import ECSMapping

/// One line of an alert's append-only audit trail.
public struct AuditEntry: Sendable, Hashable {
    public var alertID: String
    /// `$USER` or `--analyst`.
    public var analyst: String
    /// Epoch milliseconds.
    public var time: Int64
    /// e.g. `close`, `status:acknowledged`, `undo`.
    public var action: String
    /// What changed, in words.
    public var detail: String

    public init(alertID: String, analyst: String, time: Int64, action: String, detail: String) {
        self.alertID = alertID
        self.analyst = analyst
        self.time = time
        self.action = action
        self.detail = detail
    }

    /// `time` as ISO 8601 UTC with milliseconds, e.g. `2026-03-10T09:00:00.000Z`.
    public var isoTime: String { ECSTimestamp.format(milliseconds: time) }
}
