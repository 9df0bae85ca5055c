/// An alert's triage as the database holds it: the state, its version and who wrote it last.
public struct TriageRevision: Sendable, Hashable {
    public var state: TriageState
    /// 0 for an alert nobody has touched, then one more with every committed write. A write names
    /// the version it was based on and is refused when the stored one has moved on.
    public var version: Int64
    /// The analyst of the last write, if any.
    public var updatedBy: String?
    /// Epoch milliseconds of the last write, if any.
    public var updatedAt: Int64?

    public init(state: TriageState, version: Int64, updatedBy: String? = nil, updatedAt: Int64? = nil) {
        self.state = state
        self.version = version
        self.updatedBy = updatedBy
        self.updatedAt = updatedAt
    }

    /// The revision of every alert nobody has touched.
    public static let untouched = TriageRevision(state: .untouched, version: 0)
}
