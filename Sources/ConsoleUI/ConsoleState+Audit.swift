import TriageModel

extension ConsoleState {
    /// Shows the audit trail the app read for `readAuditTrail`.
    public mutating func didReadAuditTrail(_ entries: [AuditEntry], uuid: String) {
        overlay = .audit(uuid: uuid, entries: entries)
        overlayScroll = 0
    }
}
