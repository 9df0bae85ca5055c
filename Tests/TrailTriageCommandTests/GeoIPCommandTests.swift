import Alerts
import ConsoleUI
import DetectionEngine
import DetectionRules
import ECSMapping
import Foundation
import TestSupport
import Testing
import TrailTriageJSON
import TriageModel

@testable import trailtriage

/// Two of Elastic's AWS rules that read GeoIP and ASN fields, run by `scan` and described by
/// `rules list` with and without the (test-built) databases: one excludes Amazon networks, one
/// is an ES|QL query counting a user's sign-in countries.
@Suite(.enabled(if: GeoIPTestDatabases.isAvailable, "\(GeoIPTestDatabases.unavailableReason ?? "")"))
struct GeoIPCommandTests {
    static let pack = RepositoryPaths.root + "/../shared/corpus/elastic-detection-rules-aws/rules/integrations/aws"
    static var hasPack: Bool { FileManager.default.fileExists(atPath: pack) }
    static let excludesAmazon = "privilege_escalation_iam_inline_policy_added_to_group.toml"
    static let countsCountries = "initial_access_console_login_iam_user_multiple_geolocations.toml"

    let databases: GeoIPTestDatabases
    let scratch: ScratchDirectory
    let rules: String
    let trail: String
    /// An environment with no GeoIP directory configured and an empty XDG data directory, so a
    /// run without `--geoip-dir` finds no database whatever the machine has.
    let noDatabases: [String: String]

    init() throws {
        databases = try GeoIPTestDatabases()
        scratch = try ScratchDirectory()
        rules = scratch.file("rules")
        try FileManager.default.createDirectory(atPath: rules, withIntermediateDirectories: true)
        if Self.hasPack {
            for name in [Self.excludesAmazon, Self.countsCountries] {
                try FileManager.default.copyItem(atPath: Self.pack + "/" + name, toPath: rules + "/" + name)
            }
        }
        let records = [
            // PutGroupPolicy from an Amazon network (excluded by the rule) and from a home ISP.
            Self.record(1, "iam.amazonaws.com", "PutGroupPolicy", user: "alice", from: "54.240.10.20"),
            Self.record(2, "iam.amazonaws.com", "PutGroupPolicy", user: "alice", from: "89.160.20.156"),
            // alice signs in from the United Kingdom and the United States; bob twice from London.
            Self.record(3, "signin.amazonaws.com", "ConsoleLogin", user: "alice", from: "81.2.69.144"),
            Self.record(4, "signin.amazonaws.com", "ConsoleLogin", user: "alice", from: "216.160.83.56"),
            Self.record(5, "signin.amazonaws.com", "ConsoleLogin", user: "bob", from: "81.2.69.10"),
            Self.record(6, "signin.amazonaws.com", "ConsoleLogin", user: "bob", from: "81.2.69.11"),
        ]
        trail = try scratch.write("trail.json", Array(("{\"Records\":[" + records.joined(separator: ",") + "]}").utf8))
        noDatabases = ["TRAILTRIAGE_GEOIP_DIR": "", "XDG_DATA_HOME": scratch.file("no-data")]
    }

    static func record(_ minute: Int, _ source: String, _ action: String, user: String, from address: String) -> String
    {
        """
        {"eventVersion":"1.08","eventTime":"2024-05-01T10:0\(minute):00Z","eventSource":"\(source)",\
        "eventName":"\(action)","awsRegion":"us-east-1","sourceIPAddress":"\(address)",\
        "userAgent":"Mozilla/5.0","eventID":"00000000-0000-0000-0000-00000000000\(minute)",\
        "eventType":"AwsApiCall","recipientAccountId":"111122223333",\
        "userIdentity":{"type":"IAMUser","principalId":"AIDA\(user.uppercased())","accountId":"111122223333",\
        "arn":"arn:aws:iam::111122223333:user/\(user)","userName":"\(user)","accessKeyId":"AKIA\(user.uppercased())"},\
        "requestParameters":{"groupName":"admins","policyName":"p"},"responseElements":null}
        """
    }

    func scan(_ extra: [String], environment: [String: String] = [:]) throws -> (alerts: [JSONObject], notes: String) {
        let outcome = try CommandRunner.run(["scan", "--rules", rules] + extra + [trail], environment: environment)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let alerts = try outcome.standardOutput.split(separator: "\n").map {
            try #require(JSONParser.parse(String($0)).objectValue)
        }
        return (alerts, outcome.standardError)
    }

    static func named(_ alerts: [JSONObject], _ fragment: String) -> [JSONObject] {
        alerts.filter { $0["kibana.alert.rule.name"]?.stringValue?.contains(fragment) == true }
    }

    @Test(.enabled(if: hasPack, "../shared/corpus/elastic-detection-rules-aws is absent (a user's clone): skipped"))
    func rulesGiveElasticsAlertsWithTheDatabasesAndSayWhatIsMissingWithout() throws {
        let with = try scan(["--geoip-dir", databases.directory], environment: noDatabases)
        let policy = Self.named(with.alerts, "Inline Policy")
        #expect(policy.map { $0["source.ip"] } == [.string("89.160.20.156")])
        #expect(policy.first?["source.as.organization.name"] == .string("Bredband2 AB"))
        #expect(policy.first?["source.geo.city_name"] == .string("Linköping"))
        let countries = Self.named(with.alerts, "Geolocations")
        #expect(countries.count == 1, "\(with.notes)")
        #expect(countries.first?["aws.cloudtrail.user_identity.arn"] == .string("arn:aws:iam::111122223333:user/alice"))
        #expect(countries.first?["Esql.source_geo_country_iso_code_count_distinct"] == .number("2"))
        #expect(countries.first?["Esql.source_geo_country_iso_code_values"] == .array([.string("GB"), .string("US")]))
        #expect(!with.notes.contains("needs a GeoIP database"))
        #expect(!with.notes.contains("needs an ASN database"))

        let without = try scan([], environment: noDatabases)
        // Without the ASN database the Amazon exclusion cannot hold: both calls alert, as the
        // scan warns; the country-counting rule sees no country and gives nothing.
        #expect(Self.named(without.alerts, "Inline Policy").count == 2)
        #expect(Self.named(without.alerts, "Geolocations").isEmpty)
        #expect(without.notes.contains("needs an ASN database"))
        #expect(without.notes.contains("needs a GeoIP database"))
    }

    @Test(.enabled(if: hasPack, "../shared/corpus/elastic-detection-rules-aws is absent (a user's clone): skipped"))
    func rulesListNamesTheRulesMissingDataOnlyWithoutTheDatabases() throws {
        let with = try CommandRunner.run(
            ["rules", "list", "--geoip-dir", databases.directory, rules], environment: noDatabases)
        #expect(with.status == 0, "\(with.standardError)")
        #expect(with.standardOutput.contains("2 run, 0 with errors"), "\(with.standardOutput)")
        #expect(!with.standardOutput.contains("data missing"))

        let without = try CommandRunner.run(["rules", "list", rules], environment: noDatabases)
        #expect(without.standardOutput.contains("2 run (2 without some of the data they read)"))
        #expect(without.standardOutput.contains("which needs an ASN database"))
    }

    @Test func namedDirectoryWithoutTheFilesIsAnErrorNamingThem() throws {
        let empty = scratch.file("empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        for arguments in [["scan", "--geoip-dir", empty, trail], ["rules", "list", "--geoip-dir", empty]] {
            let outcome = try CommandRunner.run(arguments, environment: noDatabases)
            #expect(outcome.status == 2, "\(arguments): \(outcome.standardError)")
            #expect(outcome.standardError.contains(empty))
            #expect(outcome.standardError.contains("GeoLite2-City.mmdb"))
            #expect(outcome.standardError.contains("GeoLite2-ASN.mmdb"))
        }
        let fromEnvironment = try CommandRunner.run(
            ["rules", "list"], environment: ["TRAILTRIAGE_GEOIP_DIR": empty, "XDG_DATA_HOME": empty])
        #expect(fromEnvironment.status == 2)
        #expect(fromEnvironment.standardError.contains("GeoLite2-City.mmdb"))
    }

    @Test(.enabled(if: hasPack, "../shared/corpus/elastic-detection-rules-aws is absent (a user's clone): skipped"))
    func consoleShowsTheLookupsAndSaysWhichRulesLackThemWithout() throws {
        let ruleSet = RuleSet.load(paths: [rules])
        let geoIP = try GeoIPDatabases.open(directory: databases.directory, requireBoth: true)
        let with = ConsoleLoader.load(inputs: [trail], ruleSet: ruleSet, enrichment: ECSEnrichment(geoIP: geoIP))
        #expect(with.rules.count == 2 && with.rules.allSatisfy { $0.run == .ran }, "\(with.rules)")
        let policy = try #require(with.records.first { $0.rule.name.contains("Inline Policy") })
        #expect(policy.source.place == "Linköping, Sweden")
        #expect(policy.source.network == "AS29518 Bredband2 AB")

        let without = ConsoleLoader.load(inputs: [trail], ruleSet: ruleSet, enrichment: ECSEnrichment())
        let lacking = without.rules.compactMap { rule -> [String]? in
            if case .ranWithoutData(let reasons) = rule.run { return reasons }
            return nil
        }
        #expect(lacking.count == 2)
        #expect(lacking.joined().contains { $0.contains("ASN database") })
        #expect(without.records.allSatisfy { $0.source.place == nil && $0.source.network == nil })
    }
}
