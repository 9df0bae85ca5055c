import ECSMapping

/// Where the call came from.
public struct SourceSummary: Sendable, Hashable {
    /// `source.ip`, set only when CloudTrail's `sourceIPAddress` is an address.
    public var ip: String?
    /// `source.address`: the IP, or a service name such as `ec2.amazonaws.com`.
    public var address: String?
    /// `user_agent.original`.
    public var userAgent: String?
    /// `source.geo.city_name`, from the GeoIP city database.
    public var city: String?
    /// `source.geo.country_name`, from the GeoIP city database.
    public var country: String?
    /// `source.as.number`, from the ASN database.
    public var asNumber: String?
    /// `source.as.organization.name`, from the ASN database.
    public var asOrganization: String?

    public init(
        ip: String? = nil, address: String? = nil, userAgent: String? = nil, city: String? = nil,
        country: String? = nil, asNumber: String? = nil, asOrganization: String? = nil
    ) {
        self.ip = ip
        self.address = address
        self.userAgent = userAgent
        self.city = city
        self.country = country
        self.asNumber = asNumber
        self.asOrganization = asOrganization
    }

    /// Reads the source fields of an event.
    public init(document: ECSDocument) {
        self.init(
            ip: document.keywordValues(at: "source.ip").first,
            address: document.string(at: "source.address"),
            userAgent: document.string(at: "user_agent.original"),
            city: document.string(at: "source.geo.city_name"),
            country: document.string(at: "source.geo.country_name"),
            asNumber: document.keywordValues(at: "source.as.number").first,
            asOrganization: document.string(at: "source.as.organization.name")
        )
    }

    /// The IP when there is one, else the address (service callers have only an address).
    public var ipOrAddress: String? { ip ?? address }

    /// `City, Country` (or whichever of the two the lookup found); `nil` without either.
    public var place: String? {
        let parts = [city, country].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// `AS16509 Amazon.com, Inc.` (or whichever of number and organisation the lookup found);
    /// `nil` without either.
    public var network: String? {
        switch (asNumber, asOrganization) {
        case (let number?, let name?): return "AS\(number) \(name)"
        case (let number?, nil): return "AS\(number)"
        case (nil, let name?): return name
        case (nil, nil): return nil
        }
    }
}
