/// The lookups that add fields raw CloudTrail does not carry, as Elastic's ingest pipeline does:
/// the parsed user agent (`user_agent.name`, …), and GeoIP and ASN (`source.geo.*`,
/// `source.as.*`). Each is optional; without it those fields stay absent.
public struct ECSEnrichment: Sendable {
    /// uap-core's user agent parser; `nil` when the regex file is not installed.
    public var userAgents: UserAgentParser?
    /// The city and ASN databases; `nil` when none is configured.
    public var geoIP: GeoIPDatabases?

    public init(userAgents: UserAgentParser? = nil, geoIP: GeoIPDatabases? = nil) {
        self.userAgents = userAgents
        self.geoIP = geoIP
    }

    /// Whether any lookup is configured.
    public var isEmpty: Bool { userAgents == nil && geoIP == nil }

    /// Whether `source.geo.*` can be set (a city database is open).
    public var hasGeo: Bool { geoIP?.hasCity ?? false }
    /// Whether `source.as.*` can be set (an ASN database is open).
    public var hasASN: Bool { geoIP?.hasASN ?? false }

    /// Whether a field is one only an enrichment sets (so rules reading it depend on a database).
    public static func isEnrichedField(_ path: String) -> Bool {
        path.hasPrefix("source.geo") || path.hasPrefix("source.as")
            || (path.hasPrefix("user_agent") && path != "user_agent.original")
    }
}
