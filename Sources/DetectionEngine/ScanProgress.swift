/// A snapshot of a running scan, for progress displays.
public struct ScanProgress: Sendable {
    public var filesDone: Int
    public var filesTotal: Int
    public var recordsRead: Int
    /// Query matches so far; new_terms matches become alerts only at the end.
    public var matches: Int
}
