/// The result of one analyst action over one or more alerts: every alert's state before and
/// after, the audit lines, and the alerts the action was refused for because another console
/// changed them first. Keeping `before` and the version is what makes undo exact.
public struct TriageChange: Sendable, Hashable {
    /// One alert's part of the change.
    public struct Entry: Sendable, Hashable {
        public var alertID: String
        public var before: TriageState
        public var after: TriageState
        /// The version `after` was stored as; `before` was the version below it.
        public var version: Int64

        public init(alertID: String, before: TriageState, after: TriageState, version: Int64) {
            self.alertID = alertID
            self.before = before
            self.after = after
            self.version = version
        }
    }

    /// An alert the action was not applied to: its stored version was no longer the one the
    /// writer saw. `current` is what is stored now, so the console can show it.
    public struct Conflict: Sendable, Hashable {
        public var alertID: String
        public var current: TriageRevision

        public init(alertID: String, current: TriageRevision) {
            self.alertID = alertID
            self.current = current
        }
    }

    public var entries: [Entry]
    public var audit: [AuditEntry]
    /// Alerts left alone because they changed since the writer read them, in request order.
    public var conflicts: [Conflict]

    public init(entries: [Entry], audit: [AuditEntry], conflicts: [Conflict] = []) {
        self.entries = entries
        self.audit = audit
        self.conflicts = conflicts
    }

    /// Applies `action` to each alert's current revision; each result is one version up. Pure.
    public static func applying(
        _ action: TriageAction, to current: [(alertID: String, revision: TriageRevision)], analyst: String, time: Int64
    ) -> TriageChange {
        var entries: [Entry] = []
        var audit: [AuditEntry] = []
        for (alertID, revision) in current {
            let before = revision.state
            let after = action.applied(to: before)
            entries.append(Entry(alertID: alertID, before: before, after: after, version: revision.version + 1))
            audit.append(
                AuditEntry(
                    alertID: alertID, analyst: analyst, time: time, action: action.name,
                    detail: action.detail(from: before, to: after)
                ))
        }
        return TriageChange(entries: entries, audit: audit)
    }

    /// The change that puts every alert back as it was before this one, each one version further
    /// on. Pure; the store applies it only to alerts still at the version this change left.
    public func undone(analyst: String, time: Int64) -> TriageChange {
        let reversed = entries.map {
            Entry(alertID: $0.alertID, before: $0.after, after: $0.before, version: $0.version + 1)
        }
        let lines = zip(entries, audit).map { entry, original in
            AuditEntry(
                alertID: entry.alertID, analyst: analyst, time: time, action: "undo",
                detail: "undid \(original.action): \(original.detail)"
            )
        }
        return TriageChange(entries: reversed, audit: lines)
    }
}
