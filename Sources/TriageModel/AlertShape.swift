import Alerts

/// What an alert is about, which decides how triage shows it: one event, or a group of events
/// (a threshold group, an EQL sequence, an aggregating ES|QL row), or one event of a sequence.
public enum AlertShape: Sendable, Hashable {
    /// One event: query, new_terms, a non-sequence EQL or a row-level ES|QL alert.
    case event
    /// A threshold group; its counted events are the record's members.
    case threshold(ThresholdResult)
    /// A completed EQL sequence; its events, in order, are the record's members.
    case sequence(groupID: String)
    /// One event of an EQL sequence (a building-block alert) at its 0-based position.
    case buildingBlock(groupID: String, index: Int)
    /// An aggregating ES|QL row: the returned columns, in the query's order.
    case aggregation(columns: [String])
}
