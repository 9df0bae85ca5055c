import TriageModel
import TriageStore

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
        render(items.filter(isExported))
    }

    /// Reads the stored alerts `filter` keeps (every one by default), their state and audit
    /// trail, and exports those this exporter keeps: what `trailtriage export` writes.
    public func export(
        from store: TriageStore, matching filter: StoredAlertFilter = StoredAlertFilter()
    ) throws(TriageStoreError) -> (text: String, count: Int) {
        try export(try store.records(matching: filter), from: store)
    }

    /// The notes for `records` (in that order), with each one's state and audit trail read from
    /// `store`, and how many alerts they hold. The console's export and `trailtriage export`
    /// both come here, so the same alerts give the same bytes whether the records are the
    /// console's in-memory ones or the stored ones.
    public func export(_ records: [AlertRecord], from store: TriageStore) throws(TriageStoreError) -> (
        text: String, count: Int
    ) {
        let items = try items(for: records, from: store)
        return (render(items), items.count)
    }

    /// The items for `records` (in that order) that this exporter keeps, with each one's state
    /// and audit trail read from `store`; audit trails are read only for alerts kept.
    public func items(for records: [AlertRecord], from store: TriageStore) throws(TriageStoreError) -> [Item] {
        let states = try store.allStates()
        var items: [Item] = []
        for record in records {
            let state = states[record.uuid] ?? .untouched
            guard isExported(state) else { continue }
            items.append(Item(record: record, state: state, audit: try store.auditTrail(of: record.uuid)))
        }
        return items
    }

    private func isExported(_ item: Item) -> Bool { isExported(item.state) }

    private func isExported(_ state: TriageState) -> Bool {
        statuses?.contains(state.status) ?? true
    }

    private func render(_ items: [Item]) -> String {
        switch format {
        case .markdown: markdown(items)
        case .json: json(items)
        }
    }
}
