import Alerts

/// The alerts a scan raised, in report order, and its summary.
public struct ScanResult: Sendable {
    public var alerts: [Alert]
    public var summary: ScanSummary
}
