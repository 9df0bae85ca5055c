/// The settings of a `new_terms` rule.
public struct NewTermsSettings: Sendable, Hashable {
    /// The one to three fields whose value (or value combination) must be new.
    public var fields: [String]
    /// Date math for the start of the history window, e.g. `"now-14d"`.
    public var historyWindowStart: String

    public init(fields: [String], historyWindowStart: String) {
        self.fields = fields
        self.historyWindowStart = historyWindowStart
    }

    /// The history window start as a duration before the run time.
    public var historyWindow: RelativeDuration {
        get throws(RelativeDuration.ParseError) { try RelativeDuration(parsing: historyWindowStart) }
    }
}
