import DetectionRules

/// One rule translated to a SQL query.
///
/// Every query returns the same columns: `rule_id`, `event_id`, `event_key` (the event's
/// identity as `scan` computes it), `event_time_ms`, `alert_uuid` (equal to `scan`'s
/// `kibana.alert.uuid`), `new_terms` (an array, empty for query rules) and, when the table has
/// one, the raw record column and `event_content` (the content key scan adds to the identity
/// of an event whose eventID other content also uses).
public struct CompiledSQLRule: Sendable, Hashable {
    public var ruleID: String
    public var ruleName: String
    /// The rule's type: threshold statements return more columns than the others.
    public var ruleType: RuleType
    public var dialect: SQLDialect
    /// The query text, one statement without a trailing semicolon.
    public var sql: String
    /// The rule's WHERE condition alone, over the table's columns: which records the rule matches.
    public var condition: String
    /// Where the SQL reads a field differently from a scan, for the user to know.
    public var notes: [String]
}
