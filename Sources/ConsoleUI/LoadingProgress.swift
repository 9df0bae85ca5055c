/// How far loading has got, shown in the header while data loads.
public struct LoadingProgress: Sendable, Hashable {
    public var files: Int
    public var records: Int
    public var alerts: Int

    public init(files: Int = 0, records: Int = 0, alerts: Int = 0) {
        self.files = files
        self.records = records
        self.alerts = alerts
    }

    /// `Loading: 12 files, 34567 records read, 5 alerts found`.
    var line: String {
        "Loading: \(files) file\(files == 1 ? "" : "s"), \(records) record\(records == 1 ? "" : "s") read, "
            + "\(alerts) alert\(alerts == 1 ? "" : "s") found"
    }
}
