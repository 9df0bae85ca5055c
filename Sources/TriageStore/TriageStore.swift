import Foundation

/// Durable triage state in SQLite, keyed by the alert's stable uuid.
///
/// - Every write is one `BEGIN IMMEDIATE … COMMIT` that finishes before the method returns, and
///   the database runs in WAL mode with `synchronous=FULL`, so a committed action survives
///   SIGKILL or power loss.
/// - `busy_timeout` lets two consoles share one file: writers queue instead of failing.
/// - Optimistic concurrency: each alert's triage carries a version. A write names the version
///   it was based on and is applied, inside its transaction, only while that is still the stored
///   version; otherwise it is refused and the current state is returned instead, so one console
///   never overwrites another's newer change with a stale copy.
///
/// Not `Sendable`: use one store per thread (the console's run loop, or the export command).
public final class TriageStore {
    /// The database file.
    public let path: String
    let connection: SQLiteConnection

    /// The schema version this code writes (`PRAGMA user_version`).
    public static let schemaVersion = 3
    /// How long a write waits for another process's lock.
    static let busyTimeoutMilliseconds: Int32 = 10_000

    /// Opens or creates the database at `path`. Missing directories are created with mode 0700
    /// and a new file with mode 0600, since notes may hold sensitive findings.
    public init(path: String) throws(TriageStoreError) {
        self.path = path
        try Self.prepareFile(at: path)
        do {
            connection = try SQLiteConnection(path: path, create: true)
        } catch {
            throw TriageStoreError(error, path: path)
        }
        if connection.isReadOnly { throw .readOnly(path: path) }
        do {
            try configure()
            try migrate()
        } catch  where error.code == Self.newerSchemaCode {
            throw .newerSchema(path: path, version: Int(error.message) ?? 0)
        } catch {
            throw TriageStoreError(error, path: path)
        }
    }

    private static func prepareFile(at path: String) throws(TriageStoreError) {
        let files = FileManager.default
        let directory = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if !directory.isEmpty, !files.fileExists(atPath: directory, isDirectory: &isDirectory) {
            do {
                try files.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]
                )
            } catch {
                throw .cannotOpen(path: path, reason: "cannot create the directory \(directory): \(Self.reason(error))")
            }
        } else if !directory.isEmpty, !isDirectory.boolValue {
            throw .cannotOpen(path: path, reason: "\(directory) is not a directory")
        }
        if !files.fileExists(atPath: path) {
            // Created here rather than by SQLite so the mode is 0600 from the first byte;
            // SQLite gives its -wal and -shm files the same mode.
            guard files.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw .cannotOpen(path: path, reason: "cannot create the file (is the directory writable?)")
            }
        }
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedDescription
    }

    private func configure() throws(SQLiteError) {
        connection.setBusyTimeout(milliseconds: Self.busyTimeoutMilliseconds)
        // Reading the header first turns a non-database file into SQLITE_NOTADB here, not later.
        _ = try connection.scalarText("PRAGMA schema_version")
        let mode = try connection.scalarText("PRAGMA journal_mode=WAL")
        if mode?.lowercased() != "wal" {
            throw SQLiteError(code: 1, message: "cannot switch to WAL journal mode (got \(mode ?? "nothing"))")
        }
        try connection.execute("PRAGMA synchronous=FULL")
        try connection.execute("PRAGMA foreign_keys=ON")
    }

    private func migrate() throws(SQLiteError) {
        try connection.transaction { () throws(SQLiteError) in
            // Checked inside the write lock so two processes creating the schema at once agree.
            let version = Int(try connection.scalarText("PRAGMA user_version") ?? "0") ?? 0
            if version > Self.schemaVersion {
                throw SQLiteError(code: Self.newerSchemaCode, message: String(version))
            }
            // Each step brings one version to the next, so an old file is upgraded in place and a
            // new one is built by the same steps.
            guard version >= 0 else {
                throw SQLiteError(code: 26, message: "unknown schema version \(version)")  // SQLITE_NOTADB
            }
            guard version < Self.schemaVersion else { return }
            for step in Self.migrations[version...] {
                try connection.execute(step)
            }
            try connection.execute("PRAGMA user_version=\(Self.schemaVersion)")
        }
    }

    /// Not an SQLite code: marks "written by a newer version" on its way out of `migrate`.
    private static let newerSchemaCode: Int32 = -1

    /// `migrations[n]` turns a version-`n` database into version `n + 1`.
    static let migrations = [schemaV1, schemaV2, schemaV3]

    static let schemaV1 = """
        CREATE TABLE alerts(
            uuid TEXT PRIMARY KEY,
            rule_id TEXT NOT NULL,
            rule_name TEXT NOT NULL,
            severity TEXT NOT NULL,
            original_time INTEGER NOT NULL,
            record TEXT NOT NULL
        );
        CREATE INDEX alerts_time ON alerts(original_time, uuid);
        CREATE TABLE triage(
            uuid TEXT PRIMARY KEY,
            reviewed INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'closed')),
            disposition TEXT,
            reason TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            checklist TEXT NOT NULL DEFAULT '[]',
            updated_by TEXT,
            updated_at INTEGER
        );
        CREATE TABLE audit(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uuid TEXT NOT NULL,
            analyst TEXT NOT NULL,
            time INTEGER NOT NULL,
            time_iso TEXT NOT NULL,
            action TEXT NOT NULL,
            detail TEXT NOT NULL
        );
        CREATE INDEX audit_alert ON audit(uuid, id);
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is \
        append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is \
        append-only'); END;
        """

    /// The triage version. A row that exists was written at least once, so existing rows start at
    /// 1; an alert without a row is version 0. Every write sets it explicitly.
    static let schemaV2 = """
        ALTER TABLE triage ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
        """

    /// Notes being typed, kept as they are typed so a crash, Ctrl-C or SIGTERM loses none; one
    /// per alert and analyst, with the triage version the draft started from.
    static let schemaV3 = """
        CREATE TABLE note_drafts(
            uuid TEXT NOT NULL,
            analyst TEXT NOT NULL,
            text TEXT NOT NULL,
            base_version INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (uuid, analyst)
        );
        """

    /// A pragma's current value, e.g. `journal_mode` → `wal`, `synchronous` → `2` (FULL).
    public func pragma(_ name: String) throws(TriageStoreError) -> String? {
        guard name.allSatisfy({ $0.isLetter || $0 == "_" }) else { return nil }
        do {
            return try connection.scalarText("PRAGMA \(name)")
        } catch {
            throw TriageStoreError(error, path: path)
        }
    }

    /// A number that changes whenever another connection (another console, the loader, a
    /// script) commits to the database; this store's own writes leave it alone. Cheap enough to
    /// poll several times a second (`PRAGMA data_version`).
    public func dataVersion() throws(TriageStoreError) -> Int64 {
        try withErrors { () throws(SQLiteError) in
            Int64(try connection.scalarText("PRAGMA data_version") ?? "") ?? 0
        }
    }

    /// Runs `body`, translating SQLite errors into ``TriageStoreError`` naming this file.
    func withErrors<T>(_ body: () throws(SQLiteError) -> T) throws(TriageStoreError) -> T {
        do {
            return try body()
        } catch {
            throw TriageStoreError(error, path: path)
        }
    }
}
