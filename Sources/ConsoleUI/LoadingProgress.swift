/// How far loading has got, shown in the header while data loads.
public struct LoadingProgress: Sendable, Hashable {
    public var files: Int
    public var filesTotal: Int
    public var records: Int
    /// Every file is read and the scan is deciding the alerts (new terms, duplicates, max_signals).
    public var isDeciding: Bool

    public init(files: Int = 0, filesTotal: Int = 0, records: Int = 0, isDeciding: Bool = false) {
        self.files = files
        self.filesTotal = filesTotal
        self.records = records
        self.isDeciding = isDeciding
    }

    /// `loading: 12 of 40 files, 34567 records read`. It counts no alerts: until the scan has
    /// decided, rule matches are not alerts (most may be duplicates or old terms), and the rows
    /// listed meanwhile are counted beside it.
    var line: String {
        let read = "\(records) record\(records == 1 ? "" : "s") read"
        if isDeciding { return "loading: deciding alerts (\(files) of \(filesTotal) files, \(read))" }
        return "loading: \(files) of \(filesTotal) file\(filesTotal == 1 ? "" : "s"), " + read
    }
}
