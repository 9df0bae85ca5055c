import TerminalGrid

/// A rule's severity, ordered so filters can ask for "at least".
public enum Severity: Int, Sendable, Hashable, CaseIterable, Comparable {
    case low, medium, high, critical

    /// Reads Elastic's severity words; anything else counts as low so it is never hidden by
    /// the default filter.
    public init(text: String) {
        switch text.lowercased() {
        case "critical": self = .critical
        case "high": self = .high
        case "medium": self = .medium
        default: self = .low
        }
    }

    public var label: String {
        switch self {
        case .low: "low"
        case .medium: "medium"
        case .high: "high"
        case .critical: "critical"
        }
    }

    var style: StyleRole {
        switch self {
        case .low: .severityLow
        case .medium: .severityMedium
        case .high: .severityHigh
        case .critical: .severityCritical
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
}
