/// A rule's severity, from the TOML `severity` key, carried unchanged into its alerts.
///
/// Elastic's schema lists four words. Any other spelling is kept as written (``other(_:)``),
/// so what the store and the exports say is always what the rule said.
public enum Severity: Sendable, Hashable {
    case low
    case medium
    case high
    case critical
    /// A spelling the schema does not list, kept by name.
    case other(String)

    /// The four listed severities, lowest first.
    public static let listed: [Severity] = [.low, .medium, .high, .critical]

    /// Maps a TOML spelling such as `"medium"` to a severity; only the exact listed words are
    /// the listed cases.
    public init(name: String) {
        switch name {
        case "low": self = .low
        case "medium": self = .medium
        case "high": self = .high
        case "critical": self = .critical
        default: self = .other(name)
        }
    }

    /// The spelling the rule used, e.g. `"medium"`.
    public var name: String {
        switch self {
        case .low: "low"
        case .medium: "medium"
        case .high: "high"
        case .critical: "critical"
        case .other(let name): name
        }
    }

    /// Position in ``listed`` for filters that ask for "at least" and for sorting. An unlisted
    /// spelling ranks as the listed word it spells in another case (`High` as high), and
    /// anything else as low, so a filter never hides it by default.
    public var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        case .critical: 3
        case .other(let name):
            Severity(name: name.lowercased()).listedRank ?? 0
        }
    }

    /// The rank of a listed case; `nil` for ``other(_:)``.
    private var listedRank: Int? {
        if case .other = self { return nil }
        return rank
    }
}

extension Severity: CustomStringConvertible {
    public var description: String { name }
}
