import ECSMapping
import Foundation
import TestSupport
import TrailTriageJSON

/// GeoIP and ASN databases built, with PyPI's `mmdb-writer`, from the values Elastic's expected
/// documents show for each source address of the pipeline corpus.
///
/// Elastic's pipeline tests run against MaxMind's test databases, which are not available here.
/// Building ours from the expected `source.geo.*` and `source.as.*` turns the comparison into a
/// check of our lookup-to-field mapping (names, types, the location's shape, which fields are set,
/// the region code built from country and subdivision), not of any database's content. The corpus
/// mixes versions of MaxMind's test database (216.160.83.56 is Milton in some documents, Poulsbo
/// with an organisation in others), so one database pair is built per version: the k-th pair
/// holds each address's k-th distinct answer.
final class CorpusGeoIPDatabases {
    /// One database pair per version of the answers.
    let variants: [GeoIPDatabases]
    /// Per address, its distinct expected answers, in the order the pairs hold them.
    let answers: [String: [[String: JSONValue]]]
    private let scratch: ScratchDirectory

    /// Why they cannot be built here, or `nil`.
    static var unavailableReason: String? { GeoIPTestDatabases.unavailableReason }

    /// The `source.geo.*` and `source.as.*` leaves of an expected document.
    static func answer(in expected: [String: JSONValue]) -> [String: JSONValue] {
        expected.filter { $0.key.hasPrefix("source.geo.") || $0.key.hasPrefix("source.as.") }
    }

    init(documents: [[String: JSONValue]]) throws {
        var answers: [String: [[String: JSONValue]]] = [:]
        for document in documents {
            let answer = Self.answer(in: document)
            guard !answer.isEmpty, let address = document["source.ip"]?.stringValue else { continue }
            if !(answers[address, default: []].contains { RuleFieldConformanceTests.sameValues($0, answer) }) {
                answers[address, default: []].append(answer)
            }
        }
        self.answers = answers
        scratch = try ScratchDirectory()
        let count = answers.values.map(\.count).max() ?? 0
        var variants: [GeoIPDatabases] = []
        for index in 0..<max(count, 1) {
            var networks: [JSONValue] = []
            for (address, list) in answers.sorted(by: { $0.key < $1.key }) {
                let answer = list[min(index, list.count - 1)]
                let fields = JSONObject(
                    answer.sorted { $0.key < $1.key }.map { JSONMember(key: $0.key, value: $0.value) })
                networks.append(.object(["address": .string(address), "fields": .object(fields)]))
            }
            let directory = scratch.path + "/v\(index)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let input = try scratch.write("v\(index).json", Array(JSONValue.array(networks).jsonText.utf8))
            try Self.build(input: input, directory: directory)
            guard let opened = try GeoIPDatabases.open(directory: directory, requireBoth: true) else {
                throw BuildError(reason: "no databases in \(directory)")
            }
            variants.append(opened)
        }
        self.variants = variants
    }

    /// The databases holding this document's expected answer for its address.
    func databases(for expected: [String: JSONValue]) -> GeoIPDatabases? {
        guard let first = variants.first else { return nil }
        let answer = Self.answer(in: expected)
        guard let address = expected["source.ip"]?.stringValue, let list = answers[address] else { return first }
        let index = list.firstIndex { RuleFieldConformanceTests.sameValues($0, answer) } ?? 0
        return variants[index]
    }

    struct BuildError: Error, CustomStringConvertible {
        var reason: String
        var description: String { "building the corpus GeoIP databases failed: \(reason)" }
    }

    private static func build(input: String, directory: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, input, directory]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BuildError(reason: String(decoding: message, as: UTF8.self))
        }
    }

    /// Turns the flat ECS leaves back into the MaxMind records the pipeline's processors read:
    /// names under `names.en`, the region as the subdivision's own code (the lookup prefixes the
    /// country), one /32 or /128 network per address.
    private static let script = #"""
        import json, sys
        from mmdb_writer import MMDBWriter
        from netaddr import IPSet

        networks = json.load(open(sys.argv[1]))
        city = MMDBWriter(6, "GeoLite2-City", languages=["en"], ipv4_compatible=True)
        asn = MMDBWriter(6, "GeoLite2-ASN", languages=["en"], ipv4_compatible=True)
        for network in networks:
            fields = network["fields"]
            block = IPSet([network["address"]])
            record = {}
            if "source.geo.city_name" in fields:
                record["city"] = {"names": {"en": fields["source.geo.city_name"]}}
            if "source.geo.continent_name" in fields:
                record["continent"] = {"names": {"en": fields["source.geo.continent_name"]}}
            country = {}
            if "source.geo.country_iso_code" in fields:
                country["iso_code"] = fields["source.geo.country_iso_code"]
            if "source.geo.country_name" in fields:
                country["names"] = {"en": fields["source.geo.country_name"]}
            if country:
                record["country"] = country
            if "source.geo.location.lat" in fields:
                record["location"] = {"latitude": float(fields["source.geo.location.lat"]),
                                      "longitude": float(fields["source.geo.location.lon"])}
            subdivision = {}
            if "source.geo.region_iso_code" in fields:
                subdivision["iso_code"] = fields["source.geo.region_iso_code"].split("-", 1)[-1]
            if "source.geo.region_name" in fields:
                subdivision["names"] = {"en": fields["source.geo.region_name"]}
            if subdivision:
                record["subdivisions"] = [subdivision]
            if record:
                city.insert_network(block, record)
            system = {}
            if "source.as.number" in fields:
                system["autonomous_system_number"] = int(fields["source.as.number"])
            if "source.as.organization.name" in fields:
                system["autonomous_system_organization"] = fields["source.as.organization.name"]
            if system:
                asn.insert_network(block, system)
        city.to_db_file(sys.argv[2] + "/GeoLite2-City.mmdb")
        asn.to_db_file(sys.argv[2] + "/GeoLite2-ASN.mmdb")
        """#
}
