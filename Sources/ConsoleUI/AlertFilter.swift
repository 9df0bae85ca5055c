import DetectionRules
import TriageModel

/// Which alerts the list shows: the `f`/`F`/`S` keys, the `:` command line and the `/` filter
/// all set it, and the header shows it.
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
    /// Text the actor must contain (case-insensitive); `nil` shows every actor.
    public var actor: String?
    /// Text the account id must contain; `nil` shows every account.
    public var account: String?
    /// Text the region must contain; `nil` shows every region.
    public var region: String?
    /// Keeps alerts whose event is at or after this time (epoch milliseconds, UTC).
    public var since: Int64?
    /// Keeps alerts whose event is before this time (epoch milliseconds, UTC).
    public var until: Int64?
    /// Text any searchable field must contain (the `/` filter); `nil` or empty filters nothing.
    public var text: String?

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
        statuses == nil && ruleName == nil && minimumSeverity == .low && !showsBuildingBlocks && actor == nil
            && account == nil && region == nil && since == nil && until == nil && (text ?? "").isEmpty
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

    /// A one-line summary of the active filters, empty when none. Values typed by the analyst
    /// may echo log text, so the header draws this as untrusted.
    var summary: String {
        var parts: [String] = []
        if statuses != nil { parts.append("status: " + statusLabel) }
        if let ruleName { parts.append("rule: " + ruleName) }
        if minimumSeverity != .low { parts.append("severity ≥ " + minimumSeverity.label) }
        if let actor { parts.append("actor ~ " + actor) }
        if let account { parts.append("account ~ " + account) }
        if let region { parts.append("region ~ " + region) }
        if let since { parts.append("since " + TimeText.iso(since)) }
        if let until { parts.append("until " + TimeText.iso(until)) }
        if let text, !text.isEmpty { parts.append("/" + text) }
        if showsBuildingBlocks { parts.append("building blocks shown") }
        return parts.joined(separator: " · ")
    }
}
