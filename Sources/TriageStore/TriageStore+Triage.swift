import TriageModel

extension TriageStore {
    /// The triage state of one alert (``TriageState/untouched`` when nobody acted on it).
    public func state(of uuid: String) throws(TriageStoreError) -> TriageState {
        try revision(of: uuid).state
    }

    /// The triage of one alert with its version and last writer, read now.
    public func revision(of uuid: String) throws(TriageStoreError) -> TriageRevision {
        try withErrors { () throws(SQLiteError) in try readRevisions([uuid])[0].1 }
    }

    /// The triage state of every alert anyone acted on, by uuid.
    public func allStates() throws(TriageStoreError) -> [String: TriageState] {
        try allRevisions().mapValues(\.state)
    }

    /// The triage of every alert anyone acted on, with versions, by uuid.
    public func allRevisions() throws(TriageStoreError) -> [String: TriageRevision] {
        try withErrors { () throws(SQLiteError) in
            let statement = try connection.prepare("SELECT \(Self.columns) FROM triage")
            var revisions: [String: TriageRevision] = [:]
            while try statement.step() {
                guard let uuid = statement.text(at: 0) else { continue }
                revisions[uuid] = Self.revision(from: statement)
            }
            return revisions
        }
    }

    /// Applies `action` to each target whose stored version is still the one it names, and
    /// records it, in one transaction committed before this returns. Targets changed since are
    /// left alone and listed in ``TriageChange/conflicts`` with what is stored now. Returns the
    /// change (keep it to undo).
    @discardableResult
    public func apply(
        _ action: TriageAction, to targets: [TriageTarget], analyst: String, time: Int64
    ) throws(TriageStoreError) -> TriageChange {
        try withErrors { () throws(SQLiteError) in
            try connection.transaction { () throws(SQLiteError) in
                // Read under the write lock: nothing can commit between this check and the write.
                let stored = try readRevisions(targets.map(\.alertID))
                var current: [(alertID: String, revision: TriageRevision)] = []
                var conflicts: [TriageChange.Conflict] = []
                for (target, (alertID, revision)) in zip(targets, stored) {
                    if revision.version == target.version {
                        current.append((alertID, revision))
                    } else {
                        conflicts.append(TriageChange.Conflict(alertID: alertID, current: revision))
                    }
                }
                var change = TriageChange.applying(action, to: current, analyst: analyst, time: time)
                change.conflicts = conflicts
                try write(change, analyst: analyst, time: time)
                return change
            }
        }
    }

    /// Applies `action` to whatever is stored for each alert now, in one transaction. For callers
    /// that showed nobody a copy to be stale against (scripts, tests); the console names versions.
    @discardableResult
    public func apply(
        _ action: TriageAction, to alertIDs: [String], analyst: String, time: Int64
    ) throws(TriageStoreError) -> TriageChange {
        try withErrors { () throws(SQLiteError) in
            try connection.transaction { () throws(SQLiteError) in
                let current = try readRevisions(alertIDs).map { (alertID: $0.0, revision: $0.1) }
                let change = TriageChange.applying(action, to: current, analyst: analyst, time: time)
                try write(change, analyst: analyst, time: time)
                return change
            }
        }
    }

    /// Undoes `change`: each alert still at the version `change` left it at goes back to its
    /// state before; alerts changed since (e.g. by another console) are left alone and listed in
    /// ``TriageChange/conflicts``. Returns what was undone, already committed and audited.
    @discardableResult
    public func undo(_ change: TriageChange, analyst: String, time: Int64) throws(TriageStoreError) -> TriageChange {
        try withErrors { () throws(SQLiteError) in
            try connection.transaction { () throws(SQLiteError) in
                let reverse = change.undone(analyst: analyst, time: time)
                var kept: [TriageChange.Entry] = []
                var lines: [AuditEntry] = []
                var conflicts: [TriageChange.Conflict] = []
                let stored = try readRevisions(change.entries.map(\.alertID))
                for ((original, (entry, line)), (alertID, revision)) in zip(
                    zip(change.entries, zip(reverse.entries, reverse.audit)), stored
                ) {
                    if revision.version == original.version {
                        kept.append(entry)
                        lines.append(line)
                    } else {
                        conflicts.append(TriageChange.Conflict(alertID: alertID, current: revision))
                    }
                }
                let applied = TriageChange(entries: kept, audit: lines, conflicts: conflicts)
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
                entries.append(
                    AuditEntry(
                        alertID: uuid, analyst: statement.text(at: 0) ?? "", time: statement.integer(at: 1),
                        action: statement.text(at: 2) ?? "", detail: statement.text(at: 3) ?? ""
                    ))
            }
            return entries
        }
    }

    // MARK: - Rows

    private static let columns =
        "uuid, reviewed, status, disposition, reason, notes, checklist, version, updated_by, updated_at"

    /// The revisions of `uuids`, in order, with one prepared statement for all of them (a bulk
    /// action can touch thousands of alerts).
    private func readRevisions(_ uuids: [String]) throws(SQLiteError) -> [(String, TriageRevision)] {
        let statement = try connection.prepare("SELECT \(Self.columns) FROM triage WHERE uuid = ?1")
        var revisions: [(String, TriageRevision)] = []
        revisions.reserveCapacity(uuids.count)
        for uuid in uuids {
            try statement.bind([.text(uuid)])
            revisions.append((uuid, try statement.step() ? Self.revision(from: statement) : .untouched))
        }
        return revisions
    }

    private static func revision(from statement: SQLiteStatement) -> TriageRevision {
        let state = TriageState(
            reviewed: statement.integer(at: 1) != 0,
            status: statement.text(at: 2).flatMap(WorkflowStatus.init(rawValue:)) ?? .open,
            disposition: statement.text(at: 3).flatMap(Disposition.init(rawValue:)),
            reason: statement.text(at: 4) ?? "",
            notes: statement.text(at: 5) ?? "",
            checklist: TriageState.checklist(fromJSON: statement.text(at: 6) ?? "[]")
        )
        return TriageRevision(
            state: state, version: statement.integer(at: 7), updatedBy: statement.text(at: 8),
            // `text(at:)` is nil only for NULL, which `integer(at:)` would misread as 1970.
            updatedAt: statement.text(at: 9) == nil ? nil : statement.integer(at: 9)
        )
    }

    private func write(_ change: TriageChange, analyst: String, time: Int64) throws(SQLiteError) {
        guard !change.entries.isEmpty else { return }
        let upsert = try connection.prepare(
            """
            INSERT INTO triage(uuid, reviewed, status, disposition, reason, notes, checklist, updated_by, updated_at,
                version)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
            ON CONFLICT(uuid) DO UPDATE SET reviewed = ?2, status = ?3, disposition = ?4, reason = ?5,
                notes = ?6, checklist = ?7, updated_by = ?8, updated_at = ?9, version = ?10
            """)
        for entry in change.entries {
            let state = entry.after
            try upsert.run([
                .text(entry.alertID), .integer(state.reviewed ? 1 : 0), .text(state.status.rawValue),
                state.disposition.map { .text($0.rawValue) }, .text(state.reason), .text(state.notes),
                .text(state.checklistJSON), .text(analyst), .integer(time), .integer(entry.version),
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
