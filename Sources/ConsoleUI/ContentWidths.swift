/// The cells the list's sized columns need: for one row, or the widest over the listed rows.
struct ContentWidths: Sendable, Hashable {
    var rule = 0
    var actor = 0
    var action = 0
    var accountRegion = 0
    /// The triage status column (`open`, `closed FP`, `acknowledged`).
    var status = 0

    /// The wider of each column.
    func union(_ other: ContentWidths) -> ContentWidths {
        ContentWidths(
            rule: max(rule, other.rule), actor: max(actor, other.actor), action: max(action, other.action),
            accountRegion: max(accountRegion, other.accountRegion), status: max(status, other.status))
    }
}
