import Foundation

/// Small GeoLite2-City and GeoLite2-ASN files the GeoIP tests build with PyPI's `mmdb-writer`
/// (installed by `Scripts/install-deps.sh`), so no real MaxMind data is needed.
///
/// Both files are IPv6 trees that also hold IPv4, as MaxMind's are. They know: London
/// (81.2.69.0/24), Linköping (89.160.20.0/24, AS29518 Bredband2 AB), Milton, Washington
/// (216.160.83.0/24, AS209 with no organisation name), Tokyo (2001:db8:1::/48, AS64496),
/// and an Amazon network in Ashburn (54.240.0.0/12, AS16509 "Amazon.com, Inc."). Private and other
/// addresses are in neither.
public final class GeoIPTestDatabases {
    /// The directory holding `GeoLite2-City.mmdb` and `GeoLite2-ASN.mmdb`.
    public let directory: String
    private let scratch: ScratchDirectory

    /// Why the databases cannot be built here, or `nil` when they can.
    public static let unavailableReason: String? = {
        let status = try? runPython(["-c", "import mmdb_writer, netaddr"])
        return status == 0
            ? nil : "python3 cannot import mmdb_writer (Scripts/install-deps.sh installs it): GeoIP tests skipped"
    }()

    /// Whether the databases can be built.
    public static var isAvailable: Bool { unavailableReason == nil }

    /// Builds both files in a fresh directory.
    public init() throws {
        scratch = try ScratchDirectory()
        directory = scratch.path
        let scriptPath = try scratch.write("build.py", Array(Self.script.utf8))
        let status = try Self.runPython([scriptPath, directory])
        guard status == 0 else { throw BuildError(status: status) }
        try FileManager.default.removeItem(atPath: scriptPath)
    }

    public struct BuildError: Error, CustomStringConvertible {
        public var status: Int32
        public var description: String { "building the GeoIP test databases failed (python3 exit \(status))" }
    }

    private static func runPython(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    private static let script = #"""
        import sys
        from mmdb_writer import MMDBWriter
        from netaddr import IPSet

        def place(city, continent, country_code, country, lat, lon, region_code=None, region=None):
            record = {
                "city": {"names": {"en": city}},
                "continent": {"names": {"en": continent}},
                "country": {"iso_code": country_code, "names": {"en": country}},
                "location": {"latitude": lat, "longitude": lon},
            }
            if region_code:
                record["subdivisions"] = [{"iso_code": region_code, "names": {"en": region}}]
            return record

        city = MMDBWriter(6, "GeoLite2-City", languages=["en"], description="TrailTriage test city",
                          ipv4_compatible=True)
        city.insert_network(IPSet(["81.2.69.0/24"]),
                            place("London", "Europe", "GB", "United Kingdom", 51.5142, -0.0931, "ENG", "England"))
        city.insert_network(IPSet(["89.160.20.0/24"]),
                            place("Link\u00f6ping", "Europe", "SE", "Sweden", 58.4167, 15.6167, "E",
                                  "\u00d6sterg\u00f6tland County"))
        city.insert_network(IPSet(["216.160.83.0/24"]),
                            place("Milton", "North America", "US", "United States", 47.2513, -122.3149, "WA",
                                  "Washington"))
        city.insert_network(IPSet(["2001:db8:1::/48"]),
                            place("Tokyo", "Asia", "JP", "Japan", 35.6893, 139.6899, "13", "Tokyo"))
        city.insert_network(IPSet(["54.240.0.0/12"]),
                            place("Ashburn", "North America", "US", "United States", 39.0469, -77.4903, "VA",
                                  "Virginia"))
        city.to_db_file(sys.argv[1] + "/GeoLite2-City.mmdb")

        asn = MMDBWriter(6, "GeoLite2-ASN", languages=["en"], description="TrailTriage test ASN",
                         ipv4_compatible=True)
        asn.insert_network(IPSet(["89.160.20.0/24"]),
                           {"autonomous_system_number": 29518, "autonomous_system_organization": "Bredband2 AB"})
        asn.insert_network(IPSet(["216.160.83.0/24"]), {"autonomous_system_number": 209})
        asn.insert_network(IPSet(["2001:db8:1::/48"]),
                           {"autonomous_system_number": 64496, "autonomous_system_organization": "Example Networks"})
        asn.insert_network(IPSet(["54.240.0.0/12"]),
                           {"autonomous_system_number": 16509, "autonomous_system_organization": "Amazon.com, Inc."})
        asn.to_db_file(sys.argv[1] + "/GeoLite2-ASN.mmdb")
        """#
}
