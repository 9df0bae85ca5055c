internal import CSQLite

/// A thin owner of one `sqlite3*` handle. Every C pointer of the module stays inside this type
/// and ``SQLiteStatement``; neither is `Sendable`, so a handle never crosses threads.
final class SQLiteConnection {
    private let handle: OpaquePointer
    let path: String

    /// Opens (creating when allowed) the database at `path`.
    init(path: String, create: Bool) throws(SQLiteError) {
        var pointer: OpaquePointer?
        var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
        if create { flags |= SQLITE_OPEN_CREATE }
        let code = sqlite3_open_v2(path, &pointer, flags, nil)
        guard let pointer else {
            throw SQLiteError(code: code, message: "out of memory")
        }
        guard code == SQLITE_OK else {
            let message = String(cString: sqlite3_errmsg(pointer))
            sqlite3_close_v2(pointer)
            throw SQLiteError(code: code, message: message)
        }
        handle = pointer
        self.path = path
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Whether SQLite fell back to read-only (the file or its directory is not writable).
    var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    /// Waits up to `milliseconds` for another connection's lock instead of failing at once.
    func setBusyTimeout(milliseconds: Int32) {
        sqlite3_busy_timeout(handle, milliseconds)
    }

    /// Runs SQL text without parameters (schema and pragmas only; values are always bound).
    func execute(_ sql: String) throws(SQLiteError) {
        var errorText: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorText)
        if code != SQLITE_OK {
            let message = errorText.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(errorText)
            throw SQLiteError(code: code, message: message)
        }
    }

    func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw SQLiteError(code: code, message: lastMessage)
        }
        return SQLiteStatement(statement: statement, connection: self)
    }

    /// The first column of the first row of `sql`, as text (for pragmas and counts).
    func scalarText(_ sql: String) throws(SQLiteError) -> String? {
        let statement = try prepare(sql)
        guard try statement.step() else { return nil }
        return statement.text(at: 0)
    }

    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back on error. IMMEDIATE takes the
    /// write lock up front, so two consoles serialise on `busy_timeout` instead of failing with
    /// SQLITE_BUSY half-way through a read-then-write.
    func transaction<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }
}

/// A failed SQLite call: the primary result code and SQLite's message.
struct SQLiteError: Error, Sendable {
    var code: Int32
    var message: String

    /// The primary code (extended codes carry details in the high bits).
    var primaryCode: Int32 { code & 0xFF }
}
