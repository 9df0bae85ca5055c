extension TriageStore {
    /// The triage state of one alert (``TriageState/untouched`` when nobody acted on it).
    public func state(of uuid: String) throws(TriageStoreError) -> TriageState {
        try withErrors { () throws(SQLiteError) in try readState(uuid) }
    }

    /// The triage state of every alert anyone acted on, by uuid.
    public func allStates() throws(TriageStoreError) -> [String: TriageState] {
        try withErrors { () throws(SQLiteError) in
            let statement = try connection.prepare(
                "SELECT uuid, reviewed, status, disposition, reason, notes, checklist FROM triage"
            )
            var states: [String: TriageState] = [:]
            while try statement.step() {
                guard let uuid = statement.text(at: 0) else { continue }
                states[uuid] = Self.state(from: statement)
            }
            return states
        }
    }

    /// Applies `action` to each alert and records it, in one transaction committed before this
    /// returns. Returns the change (keep it to undo).
    @discardableResult
    public func apply(
        _ action: TriageAction, to alertIDs: [String], analyst: String, time: Int64
    ) throws(TriageStoreError) -> TriageChange {
        try withErrors { () throws(SQLiteError) in
            try connection.transaction { () throws(SQLiteError) in
                let current = try readStates(alertIDs).map { (alertID: $0.0, state: $0.1) }
                let change = TriageChange.applying(action, to: current, analyst: analyst, time: time)
                try write(change, analyst: analyst, time: time)
                return change
            }
        }
    }

    /// Undoes `change`: each alert still in the state `change` left it in goes back to its state
    /// before; alerts changed since (e.g. by another console) are left alone. Returns what was
    /// undone, already committed and audited.
    @discardableResult
    public func undo(_ change: TriageChange, analyst: String, time: Int64) throws(TriageStoreError) -> TriageChange {
        try withErrors { () throws(SQLiteError) in
            try connection.transaction { () throws(SQLiteError) in
                let reverse = change.undone(analyst: analyst, time: time)
                var kept: [TriageChange.Entry] = []
                var lines: [AuditEntry] = []
                let current = try readStates(reverse.entries.map(\.alertID))
                for ((entry, line), (_, state)) in zip(zip(reverse.entries, reverse.audit), current) where state == entry.before {
                    kept.append(entry)
                    lines.append(line)
                }
                let applied = TriageChange(entries: kept, audit: lines)
                try write(applied, analyst: analyst, time: time)
                return applied
            }
        }
    }

    /// The alert's audit trail, oldest first.
    public func auditTrail(of uuid: String) throws(TriageStoreError) -> [AuditEntry] {
        try withErrors { () throws(SQLiteError) in
            let statement = try connection.prepare(
                "SELECT analyst, time, action, detail FROM audit WHERE uuid = ?1 ORDER BY id"
            )
            try statement.bind([.text(uuid)])
            var entries: [AuditEntry] = []
            while try statement.step() {
                entries.append(AuditEntry(
                    alertID: uuid, analyst: statement.text(at: 0) ?? "", time: statement.integer(at: 1),
                    action: statement.text(at: 2) ?? "", detail: statement.text(at: 3) ?? ""
                ))
            }
            return entries
        }
    }

    // MARK: - Rows

    private func readState(_ uuid: String) throws(SQLiteError) -> TriageState {
        try readStates([uuid])[0].1
    }

    /// The states of `uuids`, in order, with one prepared statement for all of them (a bulk
    /// action can touch thousands of alerts).
    private func readStates(_ uuids: [String]) throws(SQLiteError) -> [(String, TriageState)] {
        let statement = try connection.prepare(
            "SELECT uuid, reviewed, status, disposition, reason, notes, checklist FROM triage WHERE uuid = ?1"
        )
        var states: [(String, TriageState)] = []
        states.reserveCapacity(uuids.count)
        for uuid in uuids {
            try statement.bind([.text(uuid)])
            states.append((uuid, try statement.step() ? Self.state(from: statement) : .untouched))
        }
        return states
    }

    private static func state(from statement: SQLiteStatement) -> TriageState {
        TriageState(
            reviewed: statement.integer(at: 1) != 0,
            status: statement.text(at: 2).flatMap(WorkflowStatus.init(rawValue:)) ?? .open,
            disposition: statement.text(at: 3).flatMap(Disposition.init(rawValue:)),
            reason: statement.text(at: 4) ?? "",
            notes: statement.text(at: 5) ?? "",
            checklist: TriageState.checklist(fromJSON: statement.text(at: 6) ?? "[]")
        )
    }

    private func write(_ change: TriageChange, analyst: String, time: Int64) throws(SQLiteError) {
        let upsert = try connection.prepare("""
            INSERT INTO triage(uuid, reviewed, status, disposition, reason, notes, checklist, updated_by, updated_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            ON CONFLICT(uuid) DO UPDATE SET reviewed = ?2, status = ?3, disposition = ?4, reason = ?5,
                notes = ?6, checklist = ?7, updated_by = ?8, updated_at = ?9
            """)
        for entry in change.entries {
            let state = entry.after
            try upsert.run([
                .text(entry.alertID), .integer(state.reviewed ? 1 : 0), .text(state.status.rawValue),
                state.disposition.map { .text($0.rawValue) }, .text(state.reason), .text(state.notes),
                .text(state.checklistJSON), .text(analyst), .integer(time),
            ])
        }
        let insert = try connection.prepare(
            "INSERT INTO audit(uuid, analyst, time, time_iso, action, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
        )
        for line in change.audit {
            try insert.run([
                .text(line.alertID), .text(line.analyst), .integer(line.time), .text(line.isoTime),
                .text(line.action), .text(line.detail),
            ])
        }
    }
}
