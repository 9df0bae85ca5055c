import Testing
import TrailTriageJSON
import TriageTestSupport

@testable import CaseNotes
@testable import TriageModel

/// The Source section of the case notes with GeoIP and ASN fields.
@Suite struct CaseNotesGeoIPTests {
    func item(organization: String) throws -> CaseNotesExporter.Item {
        let plain = try TestEvents.document(TestEvents.createUser(role: "ec2-app-role", session: "i-0a1b2c3d4e5f60718"))
        let record = TestEvents.record(
            TestEvents.located(
                plain, city: "Milton", country: "United States", asNumber: 209, organization: organization))
        return .init(record: record, state: .untouched, audit: [])
    }

    @Test func markdownAndJSONCarryLocationAndNetwork() throws {
        let item = try item(organization: "CENTURYLINK-US-LEGACY-QWEST")
        let markdown = CaseNotesExporter(format: .markdown).export([item])
        let lines = markdown.split(separator: "\n").map(String.init)
        let address = try #require(lines.firstIndex { $0.hasPrefix("- **IP or address:**") })
        #expect(lines[address + 1] == "- **Location (GeoIP):** `Milton, United States`")
        #expect(lines[address + 2] == "- **Network (ASN):** `AS209 CENTURYLINK-US-LEGACY-QWEST`")

        let json = try JSONParser.parse(CaseNotesExporter(format: .json).export([item]))
        let object = try #require(json.arrayValue?.first?.objectValue)
        #expect(object["source.geo.city_name"] == .string("Milton"))
        #expect(object["source.as.organization.name"] == .string("CENTURYLINK-US-LEGACY-QWEST"))
    }

    @Test func hostileOrganisationCannotBreakOutOfItsCodeSpan() throws {
        let markdown = CaseNotesExporter(format: .markdown).export([
            try item(organization: "x` [a](http://evil) \u{1B}[2J")
        ])
        let line = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("- **Network (ASN):**") })
        #expect(line == "- **Network (ASN):** ``AS209 x` [a](http://evil) \\u{1B}[2J``")
    }
}
