/// Every alert's position in ``ConsoleState/alerts``, sorted in one order, and what it was
/// sorted from: a filter change then only filters this order, and the sort runs again only when
/// the order, the rows, or (for the status order) the triage states have changed since.
struct SortedAlerts: Sendable {
    var order: SortOrder
    /// ``ConsoleState/rowsGeneration`` when sorted.
    var rowsGeneration: Int
    /// ``ConsoleState/statesGeneration`` when sorted; only the status order reads states.
    var statesGeneration: Int
    var positions: [Int]

    /// Whether this is still the order of the list for `order` at these generations.
    func isCurrent(order: SortOrder, rowsGeneration: Int, statesGeneration: Int) -> Bool {
        self.order == order && self.rowsGeneration == rowsGeneration
            && (order != .status || self.statesGeneration == statesGeneration)
    }
}

/// One alert's sort key: the order's own key (severity, rule or status rank; 0 for time), then
/// time, then load position, compared in that order.
struct SortKey: Comparable {
    var primary: Int
    var time: Int64
    var position: Int

    static func < (lhs: SortKey, rhs: SortKey) -> Bool {
        if lhs.primary != rhs.primary { return lhs.primary < rhs.primary }
        if lhs.time != rhs.time { return lhs.time < rhs.time }
        return lhs.position < rhs.position
    }
}
