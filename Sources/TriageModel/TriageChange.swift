/// The result of one analyst action over one or more alerts: every alert's state before and
/// after, and the audit lines. Keeping `before` is what makes undo exact.
public struct TriageChange: Sendable, Hashable {
    /// One alert's part of the change.
    public struct Entry: Sendable, Hashable {
        public var alertID: String
        public var before: TriageState
        public var after: TriageState

        public init(alertID: String, before: TriageState, after: TriageState) {
            self.alertID = alertID
            self.before = before
            self.after = after
        }
    }

    public var entries: [Entry]
    public var audit: [AuditEntry]

    public init(entries: [Entry], audit: [AuditEntry]) {
        self.entries = entries
        self.audit = audit
    }

    /// Applies `action` to each `(alertID, state)` pair. Pure.
    public static func applying(
        _ action: TriageAction, to states: [(alertID: String, state: TriageState)], analyst: String, time: Int64
    ) -> TriageChange {
        var entries: [Entry] = []
        var audit: [AuditEntry] = []
        for (alertID, before) in states {
            let after = action.applied(to: before)
            entries.append(Entry(alertID: alertID, before: before, after: after))
            audit.append(AuditEntry(
                alertID: alertID, analyst: analyst, time: time, action: action.name,
                detail: action.detail(from: before, to: after)
            ))
        }
        return TriageChange(entries: entries, audit: audit)
    }

    /// The change that puts every alert back as it was before this one. Pure.
    public func undone(analyst: String, time: Int64) -> TriageChange {
        let reversed = entries.map { Entry(alertID: $0.alertID, before: $0.after, after: $0.before) }
        let lines = zip(entries, audit).map { entry, original in
            AuditEntry(
                alertID: entry.alertID, analyst: analyst, time: time, action: "undo",
                detail: "undid \(original.action): \(original.detail)"
            )
        }
        return TriageChange(entries: reversed, audit: lines)
    }
}
