/// An alert a write is meant for, with the version of its triage the writer last saw. The store
/// applies the write only while that is still the stored version.
public struct TriageTarget: Sendable, Hashable {
    public var alertID: String
    public var version: Int64

    public init(alertID: String, version: Int64) {
        self.alertID = alertID
        self.version = version
    }
}
