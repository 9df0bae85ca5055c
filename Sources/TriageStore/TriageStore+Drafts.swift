import TriageModel

extension TriageStore {
    /// The analyst's unsaved note drafts, by alert uuid.
    public func noteDrafts(analyst: String) throws(TriageStoreError) -> [String: NoteDraft] {
        try withErrors { () throws(SQLiteError) in
            let statement = try connection.prepare(
                "SELECT uuid, text, base_version FROM note_drafts WHERE analyst = ?1")
            try statement.bind([.text(analyst)])
            var drafts: [String: NoteDraft] = [:]
            while try statement.step() {
                guard let uuid = statement.text(at: 0) else { continue }
                drafts[uuid] = NoteDraft(text: statement.text(at: 1) ?? "", baseVersion: statement.integer(at: 2))
            }
            return drafts
        }
    }

    /// Stores `changed` drafts and forgets `removed` ones for `analyst`, in one transaction
    /// committed before this returns. Drafts not named are left alone.
    public func updateNoteDrafts(
        _ changed: [String: NoteDraft], removing removed: [String], analyst: String, time: Int64
    ) throws(TriageStoreError) {
        try withErrors { () throws(SQLiteError) in
            try connection.transaction { () throws(SQLiteError) in
                let upsert = try connection.prepare(
                    """
                    INSERT INTO note_drafts(uuid, analyst, text, base_version, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
                    ON CONFLICT(uuid, analyst) DO UPDATE SET text = ?3, base_version = ?4, updated_at = ?5
                    """)
                for (uuid, draft) in changed.sorted(by: { $0.key < $1.key }) {
                    try upsert.run([
                        .text(uuid), .text(analyst), .text(draft.text), .integer(draft.baseVersion), .integer(time),
                    ])
                }
                let delete = try connection.prepare("DELETE FROM note_drafts WHERE uuid = ?1 AND analyst = ?2")
                for uuid in removed {
                    try delete.run([.text(uuid), .text(analyst)])
                }
            }
        }
    }
}
