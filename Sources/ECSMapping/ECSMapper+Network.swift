import TrailTriageJSON

extension ECSMapper {
    /// Source address with its GeoIP and ASN fields, user agent and TLS details (spec §3.4).
    func mapNetwork(_ raw: RawRecord, into context: inout MappingContext) {
        if let address = context.text(raw.sourceIPAddress, field: "sourceIPAddress") {
            // Always the address; source.ip only when it is one, since CloudTrail also writes
            // service names ("ec2.amazonaws.com") and "AWS Internal" here.
            context.fields.set("source.address", string: address)
            if IPAddressText.isValid(address) {
                context.fields.set("source.ip", string: address)
                context.fields.set("related.ip", .array([.string(address)]))
                if let databases = options.enrichment.geoIP {
                    // The pipeline's two geoip processors read source.ip: nothing for other text.
                    let found = databases.lookup(address)
                    if !found.geo.isEmpty { context.fields.set("source.geo", .object(found.geo)) }
                    if !found.autonomousSystem.isEmpty {
                        context.fields.set("source.as", .object(found.autonomousSystem))
                    }
                }
            }
        }
        context.copy(raw.userAgent, field: "userAgent", to: "user_agent.original")
        if let parser = options.enrichment.userAgents,
            let userAgent = context.fields.get("user_agent.original")?.stringValue
        {
            for member in parser.parse(userAgent).members {
                context.fields.set("user_agent." + member.key, member.value)
            }
        }

        guard let tls = context.object(raw.tlsDetails, field: "tlsDetails") else { return }
        if let version = context.text(tls["tlsVersion"], field: "tlsDetails.tlsVersion") {
            if let (protocolName, number) = Self.splitTLSVersion(version) {
                context.fields.set("tls.version_protocol", string: protocolName)
                context.fields.set("tls.version", string: number)
            } else {
                context.fields.set("tls.version", string: version)
            }
        }
        context.copy(tls["cipherSuite"], field: "tlsDetails.cipherSuite", to: "tls.cipher")
        context.copy(
            tls["clientProvidedHostHeader"], field: "tlsDetails.clientProvidedHostHeader", to: "tls.client.server_name")
        context.copy(tls["keyExchange"], field: "tlsDetails.keyExchange", to: "aws.cloudtrail.tls_details.key_exchange")
    }

    /// `("tls", "1.3")` from `TLSv1.3`: letters, a `v`, then a version. `nil` for other shapes.
    static func splitTLSVersion(_ text: String) -> (protocolName: String, version: String)? {
        guard let v = text.firstIndex(of: "v") else { return nil }
        let name = text[..<v]
        let version = text[text.index(after: v)...]
        guard !name.isEmpty, !version.isEmpty,
            name.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return nil }
        return (name.lowercased(), String(version))
    }
}
