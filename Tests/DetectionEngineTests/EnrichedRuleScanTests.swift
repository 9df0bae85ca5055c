import Alerts
import ECSMapping
import Foundation
import TestSupport
import Testing
import TrailTriageJSON

@testable import DetectionEngine

/// Upstream rules that read what the pipeline's `user_agent` and `geoip` processors add (issue
/// 10), with and without uap-core and the (test-built) databases: a threshold rule that excludes
/// browsers by `user_agent.name`, and an ES|QL rule that groups a key's use by city and network.
@Suite struct EnrichedRuleScanTests {
    static let rulesFolder =
        RepositoryPaths.root + "/../shared/corpus/elastic-detection-rules-aws/rules/integrations/aws"
    static var hasRules: Bool { FileManager.default.fileExists(atPath: rulesFolder) }
    static let parser = UserAgentParser.system()
    static let chrome =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"
    static let cli = "aws-cli/2.17.60 md/awscrt#0.21.2 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.11.9"

    static func record(
        _ id: String, time: String, user: String, source: String, action: String, from address: String,
        agent: String, parameters: String, extra: String = ""
    ) -> String {
        """
        {"eventVersion":"1.10","userIdentity":{"type":"IAMUser","principalId":"AIDA\(user.uppercased())",\
        "arn":"arn:aws:iam::111122223333:user/\(user)","accountId":"111122223333",\
        "accessKeyId":"AKIA\(user.uppercased())","userName":"\(user)"},"eventTime":"\(time)",\
        "eventSource":"\(source)","eventName":"\(action)","awsRegion":"us-east-1",\
        "sourceIPAddress":"\(address)","userAgent":"\(agent)","requestParameters":{\(parameters)},\
        "responseElements":null,"eventID":"\(id)","eventType":"AwsApiCall","eventCategory":"Management",\
        "recipientAccountId":"111122223333"\(extra)}
        """
    }

    /// Scans with both the byte prefilter and the full mapping, which must agree.
    func scan(_ records: [String], rule: String, enrichment: ECSEnrichment) throws -> [Alert] {
        let directory = try ScratchDirectory()
        let input = try directory.write("trail.ndjson", records.joined(separator: "\n") + "\n")
        let rules = RuleSet.load(paths: [Self.rulesFolder + "/" + rule])
        try #require(rules.rules.count == 1, "\(rule) did not load: \(rules.errors)")
        var results: [[Alert]] = []
        for prefilter in [true, false] {
            let configuration = ScanConfiguration(
                ruleSet: rules, usesPrefilter: prefilter, appliesMaxSignals: false,
                mapperOptions: ECSMapperOptions(enrichment: enrichment))
            results.append(DetectionScan.run(paths: [input], configuration: configuration).alerts)
        }
        #expect(results[0].map(\.uuid) == results[1].map(\.uuid), "the byte path and the full mapping disagree")
        return results[0]
    }

    /// Twenty distinct secrets read by each of two users within a minute: one from a browser
    /// (the console), one from the CLI. Elastic alerts on the CLI user only.
    @Test(.enabled(if: hasRules && parser != nil, "../shared rules or uap-core's regexes.yaml absent; skipped"))
    func secretsRetrievalExcludesBrowsersByParsedName() throws {
        var records: [String] = []
        for index in 0..<20 {
            let second = String(format: "%02d", index)
            for (user, agent) in [("carol", Self.chrome), ("dave", Self.cli)] {
                records.append(
                    Self.record(
                        "\(user)-\(index)", time: "2024-05-01T10:01:\(second)Z", user: user,
                        source: "secretsmanager.amazonaws.com", action: "GetSecretValue", from: "89.160.20.156",
                        agent: agent, parameters: #""secretId":"prod/secret-\#(index)""#))
            }
        }
        let rule = "credential_access_rapid_secret_retrieval_attempts_from_secretsmanager.toml"
        let parsed = try scan(records, rule: rule, enrichment: ECSEnrichment(userAgents: Self.parser))
        #expect(parsed.map { $0.document.values(at: "user.id") } == [[.string("AIDADAVE")]])

        // Without uap-core there is no user_agent.name: the exclusion cannot hold and both alert.
        let unparsed = try scan(records, rule: rule, enrichment: ECSEnrichment())
        #expect(unparsed.count == 2)
        // rules list, the scan summary and the console say so, from the rule's coverage.
        #expect(Self.coverage(rule, ECSEnrichment(userAgents: Self.parser)) == .runs)
        guard case .runsWithoutData(let reasons) = Self.coverage(rule, ECSEnrichment()) else {
            Issue.record("without uap-core the rule must be named as missing data")
            return
        }
        #expect(reasons == ["reads user_agent.name, which needs uap-core's user agent regexes (not installed)"])
    }

    /// One access key used within half an hour from Linköping (Bredband2) and from an Amazon
    /// network in Ashburn, against two services: the "high" fidelity case the rule keeps. A
    /// second key used from two addresses of one London network and city stays below it.
    @Test(
        .enabled(
            if: hasRules && GeoIPTestDatabases.isAvailable,
            "../shared rules or mmdb-writer absent (Scripts/install-deps.sh installs it); skipped"))
    func accessKeyFromSeveralCitiesAndNetworksIsGroupedByCity() throws {
        let built = try GeoIPTestDatabases()
        let databases = try #require(try GeoIPDatabases.open(directory: built.directory, requireBoth: true))
        // The rule keeps `not aws.cloudtrail.session_credential_from_console == "true"`, which
        // ES|QL answers with null (the row dropped) when the field is absent, in Elastic as here:
        // only records that carry the field as "false" can reach the grouping.
        let notConsole = #","sessionCredentialFromConsole":"false""#
        let records = [
            Self.record(
                "k1", time: "2024-05-01T10:02:00Z", user: "erin", source: "iam.amazonaws.com", action: "ListUsers",
                from: "89.160.20.156", agent: Self.cli, parameters: "", extra: notConsole),
            Self.record(
                "k2", time: "2024-05-01T10:05:00Z", user: "erin", source: "ec2.amazonaws.com",
                action: "DescribeInstances", from: "54.240.10.20", agent: Self.cli, parameters: "", extra: notConsole),
            Self.record(
                "k3", time: "2024-05-01T10:02:00Z", user: "frank", source: "iam.amazonaws.com", action: "ListUsers",
                from: "81.2.69.10", agent: Self.cli, parameters: "", extra: notConsole),
            Self.record(
                "k4", time: "2024-05-01T10:05:00Z", user: "frank", source: "ec2.amazonaws.com",
                action: "DescribeInstances", from: "81.2.69.11", agent: Self.cli, parameters: "", extra: notConsole),
        ]
        let rule = "initial_access_iam_session_token_used_from_multiple_addresses.toml"
        let alerts = try scan(records, rule: rule, enrichment: ECSEnrichment(geoIP: databases))
        try #require(alerts.count == 1, "\(alerts.map(\.document))")
        let row = alerts[0].document
        #expect(row.values(at: "Esql.aws_cloudtrail_user_identity_access_key_id_values") == [.string("AKIAERIN")])
        #expect(Set(row.values(at: "Esql.source_geo_city_name_values")) == [.string("Linköping"), .string("Ashburn")])
        #expect(
            Set(row.values(at: "Esql.source_network_org_name_values"))
                == [.string("Bredband2 AB"), .string("Amazon.com, Inc.")])
        #expect(row.values(at: "Esql.activity_type") == [.string("multiple_ip_network_city")])

        // Without the databases every row has a null organisation, which the rule's
        // `source.as.organization.name != "AMAZON-AES"` drops, as ES|QL does: no alert.
        #expect(try scan(records, rule: rule, enrichment: ECSEnrichment()).isEmpty)
        #expect(Self.coverage(rule, ECSEnrichment(geoIP: databases)) == .runs)
        guard case .runsWithoutData(let reasons) = Self.coverage(rule, ECSEnrichment()) else {
            Issue.record("without the databases the rule must be named as missing data")
            return
        }
        #expect(reasons.contains { $0.contains("source.geo.city_name") && $0.contains("needs a GeoIP database") })
        #expect(reasons.contains { $0.contains("source.as.organization.name") && $0.contains("needs an ASN database") })
    }

    static func coverage(_ rule: String, _ enrichment: ECSEnrichment) -> RuleCoverage.Status? {
        RuleCoverage.assess(RuleSet.load(paths: [rulesFolder + "/" + rule]), enrichment: enrichment).first?.status
    }
}
