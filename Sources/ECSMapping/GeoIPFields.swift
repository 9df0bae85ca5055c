import TrailTriageJSON

/// What Elastic's two `geoip` processors write for one address: the members of `source.geo`
/// (from the city database) and of `source.as` (from the ASN database). Either is empty when
/// its database is absent or has no record for the address.
public struct GeoIPFields: Sendable, Equatable {
    /// `city_name`, `continent_name`, `country_iso_code`, `country_name`, `location` {`lat`,
    /// `lon`}, `region_iso_code`, `region_name`: whichever the record has.
    public var geo: JSONObject
    /// `number` and `organization` {`name`}: whichever the record has.
    public var autonomousSystem: JSONObject

    public init(geo: JSONObject = JSONObject(), autonomousSystem: JSONObject = JSONObject()) {
        self.geo = geo
        self.autonomousSystem = autonomousSystem
    }

    /// Whether neither lookup found anything.
    public var isEmpty: Bool { geo.isEmpty && autonomousSystem.isEmpty }
}
