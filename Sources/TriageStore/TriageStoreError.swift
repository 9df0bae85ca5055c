/// Why the state database could not be used. Every message names the file, because the analyst
/// has to act on it (fix permissions, pass `--db`, move a damaged file away).
public enum TriageStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or its directory could not be created or opened.
    case cannotOpen(path: String, reason: String)
    /// The file opened, but only for reading.
    case readOnly(path: String)
    /// The file is not an SQLite database, or is damaged.
    case notADatabase(path: String, reason: String)
    /// The database was written by a newer TrailTriage.
    case newerSchema(path: String, version: Int)
    /// Another process held the database longer than the busy timeout.
    case busy(path: String)
    /// Any other SQLite failure.
    case failed(path: String, reason: String)
    /// A stored alert row that cannot be read back (damaged or hand-edited JSON).
    case unreadableAlert(path: String, uuid: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "cannot open the triage database \(path): \(reason)"
        case .readOnly(let path):
            """
            the triage database \(path) is read-only; marks and notes cannot be saved (check its permissions or \
            pass --db)
            """
        case .notADatabase(let path, let reason):
            "\(path) is not a usable triage database (\(reason)); move it aside or pass --db"
        case .newerSchema(let path, let version):
            "the triage database \(path) has schema version \(version), newer than this TrailTriage understands"
        case .busy(let path):
            "the triage database \(path) stayed locked by another process; try again"
        case .failed(let path, let reason):
            "triage database \(path): \(reason)"
        case .unreadableAlert(let path, let uuid, let reason):
            "triage database \(path): the stored alert \(uuid) cannot be read (\(reason))"
        }
    }

    init(_ error: SQLiteError, path: String) {
        switch error.primaryCode {
        case 8: self = .readOnly(path: path)  // SQLITE_READONLY
        case 26, 11: self = .notADatabase(path: path, reason: error.message)  // SQLITE_NOTADB, SQLITE_CORRUPT
        case 5, 6: self = .busy(path: path)  // SQLITE_BUSY, SQLITE_LOCKED
        case 14: self = .cannotOpen(path: path, reason: error.message)  // SQLITE_CANTOPEN
        default: self = .failed(path: path, reason: error.message)
        }
    }
}
