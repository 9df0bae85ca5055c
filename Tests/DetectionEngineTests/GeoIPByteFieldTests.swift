import Alerts
import DetectionRules
import ECSMapping
import Foundation
import TestSupport
import Testing

@testable import DetectionEngine

/// With GeoIP/ASN databases, a rule on `source.as.organization.name` or `source.geo.*` text is
/// decided from the record's `sourceIPAddress` through a cached lookup, without mapping the
/// record, and gives exactly the alerts of the full mapping.
@Suite struct GeoIPByteFieldTests {
    static let rule = """
        [metadata]
        creation_date = "2026/12/03"
        maturity = "development"

        [rule]
        author = ["TrailTriage"]
        description = "Test: IAM listing from outside Amazon networks, in a named country"
        from = "now-6m"
        index = ["logs-aws.cloudtrail-*"]
        language = "kuery"
        name = "Test: listing from outside Amazon"
        risk_score = 21
        rule_id = "0f000000-0000-4000-8000-000000000001"
        severity = "low"
        type = "query"
        query = '''
        event.action: ListUsers and not source.as.organization.name: Amazon* and source.geo.country_iso_code: *
        '''
        """

    /// The upstream VPN discovery rule's shape: a list of AS numbers, compared as keywords.
    static let numberRule = rule.replacingOccurrences(
        of: "event.action: ListUsers and not source.as.organization.name: Amazon* and source.geo.country_iso_code: *",
        with: "event.action: ListUsers and source.as.number: (29518 or 64496 or 9009)"
    ).replacingOccurrences(of: "0f000000-0000-4000-8000-000000000001", with: "0f000000-0000-4000-8000-000000000002")

    @Test(.enabled(if: GeoIPTestDatabases.isAvailable, "mmdb-writer absent (Scripts/install-deps.sh installs it)"))
    func organizationAndCountryAreDecidedFromBytesWithTheFullPathsAlerts() throws {
        try expectDecidedFromBytes(rule: Self.rule, alerting: ["89.160.20.156", "81.2.69.10"])
    }

    /// `source.as.number` too: the number's keyword text, from the same cached lookup.
    @Test(.enabled(if: GeoIPTestDatabases.isAvailable, "mmdb-writer absent (Scripts/install-deps.sh installs it)"))
    func theASNumberIsDecidedFromBytesWithTheFullPathsAlerts() throws {
        try expectDecidedFromBytes(rule: Self.numberRule, alerting: ["89.160.20.156"])
    }

    private func expectDecidedFromBytes(
        rule: String, alerting expected: Set<String>, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let built = try GeoIPTestDatabases()
        let databases = try #require(try GeoIPDatabases.open(directory: built.directory, requireBoth: true))
        let scratch = try ScratchDirectory()
        let rules = RuleSet.load(paths: [try scratch.write("rules/listing.toml", rule)])
        try #require(rules.rules.count == 1, "\(rules.errors)")
        // Linköping (Bredband2), an Amazon network, London, a service name, and a private address
        // the databases do not know; each address twice, so the cache answers the second time.
        let addresses = ["89.160.20.156", "54.240.10.20", "81.2.69.10", "iam.amazonaws.com", "10.1.2.3"]
        var records: [String] = []
        for (number, address) in (addresses + addresses).enumerated() {
            records.append(
                EnrichedRuleScanTests.record(
                    "geo-\(number)", time: "2024-05-01T10:0\(number % 10):00Z", user: "u\(number)",
                    source: "iam.amazonaws.com", action: "ListUsers", from: address, agent: EnrichedRuleScanTests.cli,
                    parameters: ""))
        }
        let input = try scratch.write("trail.ndjson", records.joined(separator: "\n") + "\n")
        var results: [ScanResult] = []
        for prefilter in [true, false] {
            let configuration = ScanConfiguration(
                ruleSet: rules, usesPrefilter: prefilter, appliesMaxSignals: false,
                mapperOptions: ECSMapperOptions(enrichment: ECSEnrichment(geoIP: databases)))
            results.append(DetectionScan.run(paths: [input], configuration: configuration))
        }
        let (fast, full) = (results[0], results[1])
        #expect(fast.alerts.map(\.uuid) == full.alerts.map(\.uuid), sourceLocation: sourceLocation)
        let sources = Set(fast.alerts.compactMap { $0.document.keywordValues(at: "source.ip").first })
        #expect(sources == expected, sourceLocation: sourceLocation)
        #expect(fast.alerts.count == expected.count * 2, sourceLocation: sourceLocation)
        // Every record is decided from its bytes (an alert's document is made apart from this
        // count); before the cached lookup, each ListUsers record was mapped to read the fields.
        #expect(
            fast.summary.recordsEvaluated == 0, "\(fast.summary.recordsEvaluated) mapped",
            sourceLocation: sourceLocation)
        #expect(full.summary.recordsEvaluated == records.count, sourceLocation: sourceLocation)
    }
}
