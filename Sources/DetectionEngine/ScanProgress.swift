/// A snapshot of a running scan, for progress displays.
public struct ScanProgress: Sendable {
    public var filesDone: Int
    public var filesTotal: Int
    public var recordsRead: Int
    /// Rule matches so far, new_terms ones included: not alerts. Duplicates, new terms and
    /// max_signals decide which become alerts once every file is read, often far fewer.
    public var matches: Int
}
