/// The lookups that add fields raw CloudTrail does not carry, as Elastic's ingest pipeline does:
/// the parsed user agent (`user_agent.name`, …) and, later, GeoIP and ASN. Each is optional;
/// without it those fields stay absent.
public struct ECSEnrichment: Sendable {
    /// uap-core's user agent parser; `nil` when the regex file is not installed.
    public var userAgents: UserAgentParser?

    public init(userAgents: UserAgentParser? = nil) {
        self.userAgents = userAgents
    }

    /// Whether any lookup is configured.
    public var isEmpty: Bool { userAgents == nil }

    /// Whether a field is one only an enrichment sets (so rules reading it depend on a database).
    public static func isEnrichedField(_ path: String) -> Bool {
        path.hasPrefix("source.geo") || path.hasPrefix("source.as")
            || (path.hasPrefix("user_agent") && path != "user_agent.original")
    }
}
