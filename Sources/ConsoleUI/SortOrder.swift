/// How the list is ordered; `s` cycles through the cases. Ties always fall back to time and then
/// list position, so the order is stable and the same on every run.
public enum SortOrder: Int, Sendable, Hashable, CaseIterable {
    case timeAscending
    case timeDescending
    case severity
    case rule
    case status

    public var label: String {
        switch self {
        case .timeAscending: "time ↑"
        case .timeDescending: "time ↓"
        case .severity: "severity"
        case .rule: "rule"
        case .status: "status"
        }
    }

    var next: SortOrder { SortOrder(rawValue: (rawValue + 1) % SortOrder.allCases.count) ?? .timeAscending }
}
