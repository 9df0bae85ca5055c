extension TriageStore {
    /// A console setting kept with the case (such as the list's filters), or `nil` when never
    /// stored.
    public func setting(_ name: String) throws(TriageStoreError) -> String? {
        try withErrors { () throws(SQLiteError) in
            try ensureSettingsTable()
            let statement = try connection.prepare("SELECT value FROM console_settings WHERE name = ?1")
            try statement.bind([.text(name)])
            return try statement.step() ? statement.text(at: 0) : nil
        }
    }

    /// Stores a console setting, replacing any earlier value, in one transaction.
    public func setSetting(_ name: String, to value: String) throws(TriageStoreError) {
        try withErrors { () throws(SQLiteError) in
            try ensureSettingsTable()
            try connection.transaction { () throws(SQLiteError) in
                let statement = try connection.prepare(
                    "INSERT INTO console_settings(name, value) VALUES (?1, ?2) "
                        + "ON CONFLICT(name) DO UPDATE SET value = excluded.value")
                try statement.run([.text(name), .text(value)])
            }
        }
    }

    /// The settings table is created on first use rather than by a schema step: it holds only
    /// presentation, so a database written before it existed needs no migration to gain it.
    private func ensureSettingsTable() throws(SQLiteError) {
        try connection.execute(
            "CREATE TABLE IF NOT EXISTS console_settings(name TEXT PRIMARY KEY, value TEXT NOT NULL)")
    }
}
