/// Which stored alerts to read: by rule and by the time of the alert's event. Empty conditions
/// keep everything.
public struct StoredAlertFilter: Sendable, Hashable {
    /// Rule ids or rule names (exact); an alert of any of them is kept. Empty keeps every rule.
    public var rules: [String]
    /// Keeps alerts whose event is at or after this time (epoch milliseconds).
    public var since: Int64?
    /// Keeps alerts whose event is before this time (epoch milliseconds).
    public var until: Int64?

    public init(rules: [String] = [], since: Int64? = nil, until: Int64? = nil) {
        self.rules = rules
        self.since = since
        self.until = until
    }

    /// A `WHERE` clause over the `alerts` table (empty when nothing is filtered) and the values
    /// it binds, numbered from 1.
    var sqlCondition: (clause: String, values: [SQLiteValue?]) {
        var conditions: [String] = []
        var values: [SQLiteValue?] = []
        if !rules.isEmpty {
            let placeholders = rules.indices.map { "?\(values.count + $0 + 1)" }.joined(separator: ", ")
            conditions.append("(rule_id IN (\(placeholders)) OR rule_name IN (\(placeholders)))")
            values += rules.map { .text($0) }
        }
        if let since {
            values.append(.integer(since))
            conditions.append("original_time >= ?\(values.count)")
        }
        if let until {
            values.append(.integer(until))
            conditions.append("original_time < ?\(values.count)")
        }
        return (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "), values)
    }
}
