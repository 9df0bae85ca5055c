import ECSMapping

/// Where the call came from.
public struct SourceSummary: Sendable, Hashable {
    /// `source.ip`, set only when CloudTrail's `sourceIPAddress` is an address.
    public var ip: String?
    /// `source.address`: the IP, or a service name such as `ec2.amazonaws.com`.
    public var address: String?
    /// `user_agent.original`.
    public var userAgent: String?

    public init(ip: String? = nil, address: String? = nil, userAgent: String? = nil) {
        self.ip = ip
        self.address = address
        self.userAgent = userAgent
    }

    /// Reads the source fields of an event.
    public init(document: ECSDocument) {
        self.init(
            ip: document.keywordValues(at: "source.ip").first,
            address: document.string(at: "source.address"),
            userAgent: document.string(at: "user_agent.original")
        )
    }

    /// The IP when there is one, else the address (service callers have only an address).
    public var ipOrAddress: String? { ip ?? address }
}
