import ECSMapping
import Foundation
import TestSupport
import Testing
import TrailTriageJSON

/// GeoIP and ASN lookups as Elastic's two `geoip` processors on `source.ip` make them, on small
/// databases built for the test.
@Suite(.enabled(if: GeoIPTestDatabases.isAvailable, "\(GeoIPTestDatabases.unavailableReason ?? "")"))
struct GeoIPDatabasesTests {
    let built: GeoIPTestDatabases
    let databases: GeoIPDatabases

    init() throws {
        built = try GeoIPTestDatabases()
        databases = try #require(try GeoIPDatabases.open(directory: built.directory, requireBoth: true))
    }

    @Test func ipv4AddressGetsCityAndNetwork() {
        let found = databases.lookup("89.160.20.156")
        #expect(
            found.geo
                == [
                    "city_name": .string("Linköping"), "continent_name": .string("Europe"),
                    "country_iso_code": .string("SE"), "country_name": .string("Sweden"),
                    "location": .object(["lat": .number("58.4167"), "lon": .number("15.6167")]),
                    "region_iso_code": .string("SE-E"), "region_name": .string("Östergötland County"),
                ])
        #expect(
            found.autonomousSystem
                == ["number": .number("29518"), "organization": .object(["name": .string("Bredband2 AB")])])
    }

    @Test func ipv6AddressIsLookedUp() {
        let found = databases.lookup("2001:db8:1::77")
        #expect(found.geo["city_name"] == .string("Tokyo"))
        #expect(found.geo["region_iso_code"] == .string("JP-13"))
        #expect(found.autonomousSystem["number"] == .number("64496"))
    }

    @Test func unknownAndPrivateAddressesGetNothing() {
        for address in ["8.8.8.8", "10.1.2.3", "192.168.0.1", "127.0.0.1", "fd00::1", "2001:db8:2::1"] {
            #expect(databases.lookup(address).isEmpty, "\(address)")
        }
    }

    @Test func networkWithoutOrganisationGetsOnlyItsNumber() {
        #expect(databases.lookup("216.160.83.56").autonomousSystem == ["number": .number("209")])
    }

    @Test func mapperSetsSourceGeoAndAS() throws {
        let options = ECSMapperOptions(enrichment: ECSEnrichment(geoIP: databases))
        let document = try mapRecord(
            #"{"eventTime":"2024-01-01T00:00:00Z","eventName":"ConsoleLogin","sourceIPAddress":"54.240.197.233"}"#,
            options: options
        ).document
        #expect(document.string(at: "source.geo.city_name") == "Ashburn")
        #expect(document.string(at: "source.geo.region_iso_code") == "US-VA")
        #expect(document.values(at: "source.geo.location.lat") == [.number("39.0469")])
        #expect(document.string(at: "source.as.organization.name") == "Amazon.com, Inc.")
        #expect(document.values(at: "source.as.number") == [.number("16509")])

        // A service name is not an address: the processors see no source.ip and add nothing.
        let service = try mapRecord(
            #"{"eventTime":"2024-01-01T00:00:00Z","eventName":"AssumeRole","sourceIPAddress":"ec2.amazonaws.com"}"#,
            options: options
        ).document
        #expect(service.values(at: "source.geo").isEmpty)
        #expect(service.values(at: "source.as").isEmpty)

        let plain = try mapRecord(
            #"{"eventTime":"2024-01-01T00:00:00Z","eventName":"ConsoleLogin","sourceIPAddress":"54.240.197.233"}"#
        ).document
        #expect(plain.values(at: "source.geo").isEmpty)
    }

    @Test func namedDirectoryMustHoldBothFiles() throws {
        let empty = try ScratchDirectory()
        #expect(throws: GeoIPDatabaseError.self) { try GeoIPDatabases.open(directory: empty.path, requireBoth: true) }
        do {
            _ = try GeoIPDatabases.locate(explicitDirectory: empty.path, environment: [:])
            Issue.record("an empty --geoip-dir was accepted")
        } catch {
            #expect(error.description.contains("GeoLite2-City.mmdb"))
            #expect(error.description.contains("GeoLite2-ASN.mmdb"))
        }
        try FileManager.default.copyItem(
            atPath: built.directory + "/GeoLite2-City.mmdb", toPath: empty.path + "/GeoLite2-City.mmdb")
        do {
            _ = try GeoIPDatabases.locate(explicitDirectory: nil, environment: ["TRAILTRIAGE_GEOIP_DIR": empty.path])
            Issue.record("a directory without an ASN database was accepted")
        } catch {
            #expect(error.description.contains("GeoLite2-ASN.mmdb"))
            #expect(!error.description.contains("GeoLite2-City.mmdb"))
        }
        // The default directory may hold only one of them.
        #expect(
            try GeoIPDatabases.locate(explicitDirectory: nil, environment: ["XDG_DATA_HOME": "/nonexistent"]) == nil)
        let data = try ScratchDirectory()
        try FileManager.default.createDirectory(
            atPath: data.path + "/trailtriage/geoip", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: empty.path + "/GeoLite2-City.mmdb", toPath: data.path + "/trailtriage/geoip/GeoLite2-City.mmdb")
        let found = try #require(
            try GeoIPDatabases.locate(explicitDirectory: nil, environment: ["XDG_DATA_HOME": data.path]))
        #expect(found.hasCity && !found.hasASN)
    }

    @Test func fileThatIsNotADatabaseIsAnErrorNamingIt() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("GeoLite2-City.mmdb", Array("not a database".utf8))
        #expect(throws: GeoIPDatabaseError.self) { try GeoIPDatabases(cityPath: path, asnPath: nil) }
    }
}
