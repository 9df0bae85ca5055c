import DetectionRules
import TriageModel

/// Which alerts the list shows. Search is not part of it: search moves the selection between
/// matches and leaves the list alone, as in tig and less.
public struct AlertFilter: Sendable, Hashable {
    /// Statuses shown; `nil` shows every status.
    public var statuses: Set<WorkflowStatus>?
    /// The rule name shown; `nil` shows every rule.
    public var ruleName: String?
    /// The lowest severity shown.
    public var minimumSeverity: Severity
    /// Whether EQL building-block alerts (one per event of a sequence) are listed. Kibana's
    /// alert list hides them by default, as the sequence alert stands for them; so does this one.
    public var showsBuildingBlocks: Bool

    public init(
        statuses: Set<WorkflowStatus>? = nil, ruleName: String? = nil, minimumSeverity: Severity = .low,
        showsBuildingBlocks: Bool = false
    ) {
        self.statuses = statuses
        self.ruleName = ruleName
        self.minimumSeverity = minimumSeverity
        self.showsBuildingBlocks = showsBuildingBlocks
    }

    /// Whether the list is at its defaults (building blocks hidden, nothing else filtered).
    public var isEmpty: Bool {
        statuses == nil && ruleName == nil && minimumSeverity == .low && !showsBuildingBlocks
    }

    /// The status filters `f` cycles through, in order.
    static let statusCycle: [Set<WorkflowStatus>?] = [
        nil, [.open], [.acknowledged], [.closed], [.open, .acknowledged],
    ]

    /// Words for the header, e.g. `open+acknowledged`.
    var statusLabel: String {
        guard let statuses else { return "all" }
        return WorkflowStatus.allCases.filter { statuses.contains($0) }.map(\.rawValue).joined(separator: "+")
    }

    /// A one-line summary of the active filters, empty when none.
    var summary: String {
        var parts: [String] = []
        if statuses != nil { parts.append("status: " + statusLabel) }
        if let ruleName { parts.append("rule: " + ruleName) }
        if minimumSeverity != .low { parts.append("severity ≥ " + minimumSeverity.label) }
        if showsBuildingBlocks { parts.append("building blocks shown") }
        return parts.joined(separator: " · ")
    }
}
