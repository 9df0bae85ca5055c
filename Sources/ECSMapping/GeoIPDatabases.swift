import Foundation
import Synchronization
import TrailTriageJSON

/// The city and ASN databases Elastic's CloudTrail pipeline runs its two `geoip` processors
/// with (GeoLite2-City and GeoLite2-ASN, or files in the same format), and the lookup that turns
/// an address into the fields those processors write.
///
/// Like the processors, a lookup adds nothing for an address a database has no record for
/// (private and reserved ranges are in no MaxMind database), and each database adds only its own
/// fields. Results are cached by address: a trail repeats a few thousand addresses over millions
/// of events. Lookups are thread-safe.
public final class GeoIPDatabases: Sendable {
    /// File names tried, in order, for the city database: MaxMind's free and paid editions, then
    /// DB-IP's free "lite" edition renamed without its date.
    public static let cityFileNames = ["GeoLite2-City.mmdb", "GeoIP2-City.mmdb", "dbip-city-lite.mmdb"]
    /// File names tried, in order, for the ASN database.
    public static let asnFileNames = ["GeoLite2-ASN.mmdb", "dbip-asn-lite.mmdb"]
    /// The variable naming the directory when `--geoip-dir` is not given.
    public static let environmentVariable = "TRAILTRIAGE_GEOIP_DIR"
    /// The cache is emptied when it reaches this many addresses, so a trail of distinct
    /// addresses cannot grow it without bound.
    static let cacheLimit = 50_000

    /// The city database's file; `nil` when there is none.
    public var cityPath: String? { city?.path }
    /// The ASN database's file; `nil` when there is none.
    public var asnPath: String? { asn?.path }
    /// Whether `source.geo.*` can be set.
    public var hasCity: Bool { city != nil }
    /// Whether `source.as.*` can be set.
    public var hasASN: Bool { asn != nil }

    private let city: MaxMindDatabase?
    private let asn: MaxMindDatabase?
    private let cache = Mutex<[String: GeoIPFields]>([:])

    /// Opens the given files; `nil` leaves that database out.
    ///
    /// - Throws: ``GeoIPDatabaseError`` when a file given cannot be opened as a MaxMind DB.
    public init(cityPath: String?, asnPath: String?) throws(GeoIPDatabaseError) {
        city = try cityPath.map { path throws(GeoIPDatabaseError) in try MaxMindDatabase(path: path) }
        asn = try asnPath.map { path throws(GeoIPDatabaseError) in try MaxMindDatabase(path: path) }
    }

    /// Opens the databases found in `directory` (see ``cityFileNames`` and ``asnFileNames``).
    ///
    /// - Parameter requireBoth: a directory the user named must hold both files; the default
    ///   directory may hold either or none.
    /// - Returns: `nil` when the directory holds neither (only when `requireBoth` is false).
    /// - Throws: ``GeoIPDatabaseError`` naming the directory and each missing file, or a file
    ///   that is not a MaxMind DB.
    public static func open(directory: String, requireBoth: Bool) throws(GeoIPDatabaseError) -> GeoIPDatabases? {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory)
        if requireBoth && !(exists && isDirectory.boolValue) {
            throw GeoIPDatabaseError(path: directory, reason: "is not a directory")
        }
        let cityPath = firstExisting(cityFileNames, in: directory)
        let asnPath = firstExisting(asnFileNames, in: directory)
        if requireBoth {
            var missing: [String] = []
            if cityPath == nil { missing.append("a city database (\(cityFileNames.joined(separator: " or ")))") }
            if asnPath == nil { missing.append("an ASN database (\(asnFileNames.joined(separator: " or ")))") }
            if !missing.isEmpty {
                throw GeoIPDatabaseError(path: directory, reason: "has no " + missing.joined(separator: " and no "))
            }
        }
        if cityPath == nil && asnPath == nil { return nil }
        return try GeoIPDatabases(cityPath: cityPath, asnPath: asnPath)
    }

    /// The databases from, in order: `explicitDirectory` (`--geoip-dir`), the directory in
    /// ``environmentVariable``, or `$XDG_DATA_HOME/trailtriage/geoip` (by default
    /// `~/.local/share/trailtriage/geoip`). The first two must hold both files; the last is used
    /// only when it holds any.
    ///
    /// - Throws: ``GeoIPDatabaseError`` for a named directory that lacks a file, or a file that
    ///   is not a MaxMind DB.
    public static func locate(
        explicitDirectory: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(GeoIPDatabaseError) -> GeoIPDatabases? {
        if let explicitDirectory {
            return try open(directory: explicitDirectory, requireBoth: true)
        }
        if let configured = environment[environmentVariable], !configured.isEmpty {
            return try open(directory: configured, requireBoth: true)
        }
        guard let directory = defaultDirectory(environment: environment) else { return nil }
        return try open(directory: directory, requireBoth: false)
    }

    /// `$XDG_DATA_HOME/trailtriage/geoip`, or `$HOME/.local/share/trailtriage/geoip` when
    /// `XDG_DATA_HOME` is unset or not absolute (as the XDG base directory specification says).
    public static func defaultDirectory(environment: [String: String]) -> String? {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return data + "/trailtriage/geoip"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/share/trailtriage/geoip"
    }

    /// The fields for `address` (an IPv4 or IPv6 address as text).
    public func lookup(_ address: String) -> GeoIPFields {
        if let cached = cache.withLock({ $0[address] }) { return cached }
        let fields = GeoIPFields(
            geo: city?.record(for: address).map(Self.geoFields) ?? JSONObject(),
            autonomousSystem: asn?.record(for: address).map(Self.autonomousSystemFields) ?? JSONObject())
        cache.withLock { cache in
            if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[address] = fields
        }
        return fields
    }

    /// The geoip processor's default city properties from a GeoIP2-City-shaped record: English
    /// names, the most specific subdivision as the region, its code prefixed with the country's.
    static func geoFields(_ record: JSONValue) -> JSONObject {
        var geo = JSONObject()
        let country = record["country"]
        let region = record["subdivisions"]?.arrayValue?.last
        if let name = englishName(record["city"]) { geo["city_name"] = .string(name) }
        if let name = englishName(record["continent"]) { geo["continent_name"] = .string(name) }
        let countryCode = country?["iso_code"]?.stringValue
        if let countryCode { geo["country_iso_code"] = .string(countryCode) }
        if let name = englishName(country) { geo["country_name"] = .string(name) }
        if let location = record["location"], let latitude = location["latitude"],
            let longitude = location["longitude"],
            case .number = latitude, case .number = longitude
        {
            geo["location"] = .object(["lat": latitude, "lon": longitude])
        }
        if let countryCode, let regionCode = region?["iso_code"]?.stringValue {
            geo["region_iso_code"] = .string(countryCode + "-" + regionCode)
        }
        if let name = englishName(region) { geo["region_name"] = .string(name) }
        return geo
    }

    /// `number` and `organization.name` from a GeoLite2-ASN-shaped record.
    static func autonomousSystemFields(_ record: JSONValue) -> JSONObject {
        var fields = JSONObject()
        if let number = record["autonomous_system_number"], case .number = number { fields["number"] = number }
        if let name = record["autonomous_system_organization"]?.stringValue {
            fields["organization"] = .object(["name": .string(name)])
        }
        return fields
    }

    private static func englishName(_ value: JSONValue?) -> String? {
        value?["names"]?["en"]?.stringValue
    }

    private static func firstExisting(_ names: [String], in directory: String) -> String? {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return names.lazy.map { base + "/" + $0 }.first { FileManager.default.isReadableFile(atPath: $0) }
    }
}
