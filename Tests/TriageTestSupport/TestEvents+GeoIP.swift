import ECSMapping
import TrailTriageJSON

extension TestEvents {
    /// `document` with the `source.geo` and `source.as` fields a GeoIP/ASN lookup adds (only the
    /// members given), so triage tests need no database.
    public static func located(
        _ document: ECSDocument, city: String? = nil, country: String? = nil, asNumber: Int? = nil,
        organization: String? = nil
    ) -> ECSDocument {
        var located = document
        var source = located.root["source"]?.objectValue ?? JSONObject()
        var geo = JSONObject()
        if let city { geo["city_name"] = .string(city) }
        if let country { geo["country_name"] = .string(country) }
        if !geo.isEmpty { source["geo"] = .object(geo) }
        var network = JSONObject()
        if let asNumber { network["number"] = .number(String(asNumber)) }
        if let organization { network["organization"] = .object(["name": .string(organization)]) }
        if !network.isEmpty { source["as"] = .object(network) }
        located.root["source"] = .object(source)
        return located
    }
}
