import Alerts
import DetectionRules
import Foundation
import TestSupport
import Testing

@testable import DetectionEngine

@Suite struct RuleSetTests {
    static func ruleFile(id: String, name: String, type: String = "query", query: String, extra: String = "") -> String
    {
        """
        [metadata]
        creation_date = "2026/01/01"
        maturity = "production"
        updated_date = "2026/01/01"

        [rule]
        author = ["TrailTriage tests"]
        description = "A test rule."
        index = ["logs-aws.cloudtrail-*"]
        language = "kuery"
        name = "\(name)"
        risk_score = 21
        rule_id = "\(id)"
        severity = "low"
        type = "\(type)"

        query = '''
        \(query)
        '''
        \(extra)
        """
    }

    @Test func aQuerySyntaxErrorNamesTheFileLineAndColumnWithACaret() throws {
        let directory = try ScratchDirectory()
        let path = try directory.write(
            "broken.toml",
            Self.ruleFile(id: "r-broken", name: "Broken", query: "event.dataset: aws.cloudtrail\nand event.action > 5"))
        try directory.write("good.toml", Self.ruleFile(id: "r-good", name: "Good", query: "event.action: CreateUser"))
        let set = RuleSet.load(paths: [directory.path])
        #expect(set.rules.map(\.rule.ruleID) == ["r-good"])
        let error = try #require(set.errors.first)
        #expect(error.hasPrefix(path + ":19:"), "\(error)")
        #expect(error.contains("^"))
    }

    @Test func machineLearningRulesLoadAsNotSupportedAndNeverStopTheOthers() throws {
        let directory = try ScratchDirectory()
        try directory.write("ml.toml", Self.ruleFile(id: "r-ml", name: "Anomaly", type: "machine_learning", query: "x"))
        try directory.write("query.toml", Self.ruleFile(id: "r-q", name: "Query", query: "event.action: CreateUser"))
        let set = RuleSet.load(paths: [directory.path])
        #expect(set.errors.isEmpty)
        #expect(set.unsupported.map(\.ruleID) == ["r-ml"])
        #expect(set.rules.map(\.rule.ruleID) == ["r-q"])
    }

    /// An EQL or ES|QL construct outside the supported subset is an error at its place in the
    /// rule file, with a caret, and the other rules still load.
    @Test func anUnsupportedEQLOrESQLConstructIsAnErrorAtItsPosition() throws {
        let directory = try ScratchDirectory()
        let eql = try directory.write(
            "eql.toml",
            Self.ruleFile(id: "r-eql", name: "Head", type: "eql", query: "any where event.action == \"A\" | head 5")
                .replacingOccurrences(of: "kuery", with: "eql"))
        let esql = try directory.write(
            "esql.toml",
            Self.ruleFile(id: "r-esql", name: "Limit", type: "esql", query: "FROM logs-aws.cloudtrail-*\n| LIMIT 5")
                .replacingOccurrences(of: "kuery", with: "esql"))
        try directory.write("query.toml", Self.ruleFile(id: "r-q", name: "Query", query: "event.action: CreateUser"))
        let set = RuleSet.load(paths: [directory.path])
        #expect(set.rules.map(\.rule.ruleID) == ["r-q"])
        #expect(set.unsupported.isEmpty)
        let eqlError = try #require(set.errors.first { $0.hasPrefix(eql + ":") })
        #expect(eqlError.contains("EQL query syntax error") && eqlError.contains("head") && eqlError.contains("^"))
        let esqlError = try #require(set.errors.first { $0.hasPrefix(esql + ":") })
        #expect(esqlError.contains("ES|QL query syntax error") && esqlError.contains("LIMIT"), "\(esqlError)")
    }

    @Test func aDuplicatedRuleIDIsReportedOnce() throws {
        let directory = try ScratchDirectory()
        try directory.write("a.toml", Self.ruleFile(id: "same", name: "A", query: "event.action: A"))
        try directory.write("b.toml", Self.ruleFile(id: "same", name: "B", query: "event.action: B"))
        let set = RuleSet.load(paths: [directory.path])
        #expect(set.rules.count == 1)
        #expect(set.errors.count == 1)
        #expect(set.errors.first?.contains("already used") == true)
    }

    @Test func aHugeIntervalOrHistoryWindowIsALoadErrorNamingTheFile() throws {
        let directory = try ScratchDirectory()
        // Both fit in seconds but not in milliseconds: converting them used to trap.
        let interval = try directory.write(
            "interval.toml",
            Self.ruleFile(
                id: "r-interval", name: "Long interval", query: "event.action: CreateUser",
                extra: #"interval = "9300000000000000s""#))
        let window = try directory.write(
            "window.toml",
            Self.ruleFile(
                id: "r-window", name: "Long window", type: "new_terms", query: "event.action: CreateProfile",
                extra: """
                    [rule.new_terms]
                    field = "new_terms_fields"
                    value = ["user.name"]
                    [[rule.new_terms.history_window_start]]
                    field = "history_window_start"
                    value = "now-9300000000000000s"
                    """))
        try directory.write("good.toml", Self.ruleFile(id: "r-good", name: "Good", query: "event.action: CreateUser"))
        let set = RuleSet.load(paths: [directory.path])
        #expect(set.rules.map(\.rule.ruleID) == ["r-good"])
        #expect(set.errors.count == 2)
        #expect(set.errors.contains { $0.hasPrefix(interval) && $0.contains("interval \"9300000000000000s\"") })
        #expect(set.errors.contains { $0.hasPrefix(window) && $0.contains("history_window_start") })
    }

    @Test func newTermsOnAFieldTheEventLacksNeverAlerts() throws {
        let directory = try ScratchDirectory()
        let extra = """
            [rule.new_terms]
            field = "new_terms_fields"
            value = ["aws.cloudtrail.user_identity.access_key_id"]
            [[rule.new_terms.history_window_start]]
            field = "history_window_start"
            value = "now-7d"
            """
        try directory.write(
            "rules/nt.toml",
            Self.ruleFile(
                id: "r-nt", name: "New key", type: "new_terms", query: "event.action: CreateProfile", extra: extra))
        let withKey = BadInputScanTests.profile("with-key").replacingOccurrences(
            of: #""userName":"alice""#, with: #""userName":"alice","accessKeyId":"AKIAEXAMPLE1""#)
        try directory.write(
            "logs/events.ndjson",
            """
            \(withKey)
            \(BadInputScanTests.profile("without-key"))
            """)
        let set = RuleSet.load(paths: [directory.path + "/rules"])
        let result = DetectionScan.run(
            paths: [directory.path + "/logs"], configuration: ScanConfiguration(ruleSet: set))
        #expect(result.alerts.map(\.eventKey) == ["with-key"])
        #expect(result.alerts.first?.newTerms == ["AKIAEXAMPLE1"])
    }

    @Test func maxSignalsCapsAlertsPerRunIntervalAndCountsTheRest() throws {
        let directory = try ScratchDirectory()
        try directory.write(
            "rules/q.toml",
            Self.ruleFile(id: "r-cap", name: "Capped", query: "event.action: CreateProfile", extra: "max_signals = 2"))
        let events =
            (0..<5).map { BadInputScanTests.profile("cap-\($0)", time: "2026-03-10T09:0\($0):00Z") }
            + [BadInputScanTests.profile("next-run", time: "2026-03-10T09:07:00Z")]
        try directory.write("logs/events.ndjson", events.joined(separator: "\n"))
        let set = RuleSet.load(paths: [directory.path + "/rules"])
        #expect(set.errors.isEmpty, "\(set.errors)")
        let capped = DetectionScan.run(
            paths: [directory.path + "/logs"], configuration: ScanConfiguration(ruleSet: set))
        // 09:00-09:04 fall in the 09:00 run (interval 5m): 2 kept, 3 dropped; 09:07 is the next run.
        #expect(capped.alerts.map(\.eventKey) == ["cap-0", "cap-1", "next-run"])
        #expect(capped.summary.rules.first?.droppedByMaxSignals == 3)
        let all = DetectionScan.run(
            paths: [directory.path + "/logs"], configuration: ScanConfiguration(ruleSet: set, appliesMaxSignals: false))
        #expect(all.alerts.count == 6)
    }
}
