/// Writes case notes for tickets (Markdown) or machines (JSON) from what the state database
/// holds, so export needs no logs.
public struct CaseNotesExporter: Sendable {
    /// The output format.
    public enum Format: String, Sendable, CaseIterable {
        case markdown = "md"
        case json
    }

    /// One alert with its triage.
    public struct Item: Sendable {
        public var record: AlertRecord
        public var state: TriageState
        public var audit: [AuditEntry]

        public init(record: AlertRecord, state: TriageState, audit: [AuditEntry]) {
            self.record = record
            self.state = state
            self.audit = audit
        }
    }

    public var format: Format
    /// Statuses to include; `nil` includes every alert.
    public var statuses: Set<WorkflowStatus>?

    public init(format: Format, statuses: Set<WorkflowStatus>? = nil) {
        self.format = format
        self.statuses = statuses
    }

    /// The export text for `items` (filtered by ``statuses``), in the given order.
    public func export(_ items: [Item]) -> String {
        let kept = items.filter { statuses?.contains($0.state.status) ?? true }
        switch format {
        case .markdown: return markdown(kept)
        case .json: return json(kept)
        }
    }

    /// Reads every stored alert, its state and audit trail, and exports them.
    public func export(from store: TriageStore) throws(TriageStoreError) -> String {
        let states = try store.allStates()
        var items: [Item] = []
        for record in try store.records() {
            let state = states[record.uuid] ?? .untouched
            guard statuses?.contains(state.status) ?? true else { continue }
            items.append(Item(record: record, state: state, audit: try store.auditTrail(of: record.uuid)))
        }
        return export(items)
    }
}
