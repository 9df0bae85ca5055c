internal import CSQLite

/// A prepared statement. Values are only ever bound, never spliced into SQL text.
final class SQLiteStatement {
    private let statement: OpaquePointer
    /// Kept so the connection outlives its statements.
    private let connection: SQLiteConnection

    init(statement: OpaquePointer, connection: SQLiteConnection) {
        self.statement = statement
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(statement)
    }

    /// Binds values to `?1`, `?2`, … in order. `nil` binds NULL.
    func bind(_ values: [SQLiteValue?]) throws(SQLiteError) {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .none:
                code = sqlite3_bind_null(statement, index)
            case .integer(let number)?:
                code = sqlite3_bind_int64(statement, index, number)
            case .text(let text)?:
                // An explicit byte length keeps text with embedded NUL characters whole.
                let length = Int32(text.utf8.count)
                code = text.withCString { sqlite3_bind_text(statement, index, $0, length, csqlite_transient()) }
            }
            guard code == SQLITE_OK else { throw SQLiteError(code: code, message: connection.lastMessage) }
        }
    }

    /// Advances; `true` when a row is available.
    @discardableResult
    func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(statement)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteError(code: code, message: connection.lastMessage)
        }
    }

    /// Binds and runs a statement that returns no rows.
    func run(_ values: [SQLiteValue?]) throws(SQLiteError) {
        try bind(values)
        try step()
        sqlite3_reset(statement)
    }

    func text(at column: Int32) -> String? {
        guard sqlite3_column_type(statement, column) != SQLITE_NULL,
            let bytes = sqlite3_column_text(statement, column)
        else { return nil }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    func integer(at column: Int32) -> Int64 {
        sqlite3_column_int64(statement, column)
    }
}

/// A value to bind.
enum SQLiteValue {
    case integer(Int64)
    case text(String)
}
