import Foundation
import Testing

@testable import DetectionRules

@Suite("Rule loading")
struct RuleLoaderTests {
    @Test func queryRuleWithAllCommonKeys() throws {
        let rule = try RuleLoader.load(fileAt: TestPaths.fixture("query_rule.toml"))
        #expect(rule.ruleID == "00000000-0000-4000-8000-000000000001")
        #expect(rule.name == "Fixture Root Sign-In")
        #expect(rule.description == "Fixture: a console sign-in from a root identity.")
        #expect(rule.type == .query)
        #expect(rule.type.isSupported)
        #expect(rule.language == "kuery")
        #expect(rule.index == ["logs-aws.cloudtrail-*"])
        #expect(rule.from == "now-10m")
        #expect(rule.interval == "5m")
        #expect(rule.maxSignals == 100)
        #expect(rule.riskScore == 73)
        #expect(rule.severity == .high)
        #expect(rule.timestampOverride == "event.ingested")
        #expect(rule.falsePositives == ["Break-glass procedures sometimes require the root user."])
        #expect(rule.references == ["https://example.com/root", "https://example.com/signin"])
        #expect(rule.tags == ["Domain: Cloud", "Tactic: Initial Access"])
        #expect(rule.author == ["Fixture Author", "Second Author"])
        #expect(rule.license == "Fixture License")
        #expect(rule.investigationFields == ["@timestamp", "source.ip", "user.name"])
        #expect(
            rule.metadata
                == RuleMetadata(
                    creationDate: "2023/01/15", updatedDate: "2024/02/01", maturity: "production", integration: ["aws"])
        )
        #expect(rule.newTerms == nil)
        #expect(rule.threshold == nil)
        #expect(rule.version == nil)
        #expect(rule.sourcePath.hasSuffix("query_rule.toml"))
        #expect(
            rule.query == """
                event.dataset: "aws.cloudtrail" and event.provider: "signin.amazonaws.com"
                    and event.action: "ConsoleLogin" and aws.cloudtrail.user_identity.type: "Root"

                """)
    }

    @Test func threatMappingsInFileOrder() throws {
        let rule = try RuleLoader.load(fileAt: TestPaths.fixture("query_rule.toml"))
        #expect(rule.threat.count == 2)
        let first = try #require(rule.threat.first)
        #expect(first.framework == "MITRE ATT&CK")
        #expect(
            first.tactic
                == ThreatMapping.Tactic(
                    id: "TA0001", name: "Initial Access", reference: "https://attack.mitre.org/tactics/TA0001/"))
        #expect(first.techniques.map(\.id) == ["T1078"])
        #expect(first.techniques.first?.subtechniques.map(\.id) == ["T1078.004"])
        #expect(rule.threat.last?.tactic.id == "TA0003")
        #expect(rule.threat.last?.techniques.isEmpty == true)
    }

    @Test func newTermsRuleWithSubTablesBeforeRule() throws {
        let rule = try RuleLoader.load(fileAt: TestPaths.fixture("new_terms_rule.toml"))
        #expect(rule.type == .newTerms)
        #expect(rule.type.name == "new_terms")
        #expect(
            rule.newTerms
                == NewTermsSettings(
                    fields: ["aws.cloudtrail.user_identity.arn", "source.ip"], historyWindowStart: "now-10d"))
        #expect(try rule.newTerms?.historyWindow.seconds == 10 * 86_400)
        #expect(rule.index == ["filebeat-*", "logs-aws.cloudtrail-*"])
        #expect(rule.query?.contains(#"user.id: *\:i-*"#) == true)
        #expect(rule.threat.first?.tactic.id == "TA0003")
        #expect(rule.investigationFields == ["user.id"])
        #expect(rule.metadata.maturity == "development")
        #expect(rule.metadata.integration.isEmpty)
    }

    @Test func thresholdRuleWithCardinality() throws {
        let rule = try RuleLoader.load(fileAt: TestPaths.fixture("threshold_rule.toml"))
        #expect(rule.type == .threshold)
        #expect(rule.type.isSupported)
        #expect(
            rule.threshold
                == ThresholdSettings(
                    fields: ["source.ip", "user_agent.original"],
                    value: 3,
                    cardinality: [.init(field: "cloud.account.id", value: 2)]
                ))
        #expect(rule.interval == "10m")
        #expect(rule.maxSignals == 5)
        #expect(rule.from == "now-1h")
    }

    @Test func unsupportedTypesStillLoad() throws {
        let eql = try RuleLoader.load(fileAt: TestPaths.fixture("eql_rule.toml"))
        #expect(eql.type == .eql)
        #expect(eql.language == "eql")
        #expect(eql.query?.hasPrefix("sequence by source.ip") == true)

        let esql = try RuleLoader.load(fileAt: TestPaths.fixture("esql_rule.toml"))
        #expect(esql.type == .esql)
        #expect(esql.index.isEmpty)

        let ml = try RuleLoader.load(fileAt: TestPaths.fixture("ml_rule.toml"))
        #expect(ml.type == .machineLearning)
        #expect(ml.query == nil)
        #expect(ml.queryPosition == nil)
        #expect(ml.language == nil)
        #expect(!ml.type.isSupported)
    }

    @Test func ruleTypeNamesRoundTrip() {
        for name in ["query", "new_terms", "threshold", "eql", "esql", "machine_learning", "threat_match"] {
            #expect(RuleType(name: name).name == name)
        }
        #expect(RuleType(name: "threat_match") == .other("threat_match"))
    }

    @Test func missingRuleIDNamesTheFileAndTable() throws {
        let path = TestPaths.fixture("invalid/missing_rule_id.toml")
        let error = try #require(throws: RuleLoadError.self) { try RuleLoader.load(fileAt: path) }
        #expect(error.kind == .missingKey("rule.rule_id"))
        #expect(error.path == path)
        #expect(error.position == SourcePosition(line: 4, column: 1))
        #expect(error.description == "\(path):4:1: missing required key 'rule.rule_id'")
    }

    @Test func syntaxErrorNamesFileLineAndColumn() throws {
        let path = TestPaths.fixture("invalid/bad_syntax.toml")
        let error = try #require(throws: RuleLoadError.self) { try RuleLoader.load(fileAt: path) }
        #expect(error.kind == .syntax)
        #expect(error.position == SourcePosition(line: 4, column: 18))
        #expect(error.description.hasPrefix("\(path):4:18: expected a newline"))
    }

    @Test func mistypedKeyPointsAtTheValue() throws {
        let text = """
            [rule]
            rule_id = "x"
            name = "n"
            description = "d"
            type = "query"
            query = "a: b"
            severity = "low"
            risk_score = "high"
            """
        let error = try #require(throws: RuleLoadError.self) {
            try RuleLoader.load(text: text, sourcePath: "inline.toml")
        }
        #expect(error.kind == .wrongType(key: "rule.risk_score", expected: "an integer", found: "string"))
        #expect(error.position == SourcePosition(line: 8, column: 15))
        #expect(error.description == "inline.toml:8:15: key 'rule.risk_score' must be an integer, found string")
    }

    @Test func newTermsRuleRequiresItsSettings() throws {
        let text = """
            [rule]
            rule_id = "x"
            name = "n"
            description = "d"
            type = "new_terms"
            query = "a: b"
            severity = "low"
            risk_score = 21
            """
        let error = try #require(throws: RuleLoadError.self) {
            try RuleLoader.load(text: text, sourcePath: "inline.toml")
        }
        #expect(error.kind == .missingKey("rule.new_terms"))
    }

    @Test func severityKeepsItsSpellingAndRanksByItsWord() throws {
        let text = """
            [rule]
            rule_id = "x"
            name = "n"
            description = "d"
            type = "query"
            query = "a: b"
            severity = "High"
            risk_score = 73
            """
        let rule = try RuleLoader.load(text: text, sourcePath: "inline.toml")
        #expect(rule.severity == .other("High"))
        #expect(rule.severity.name == "High")
        #expect(rule.severity.rank == Severity.high.rank)
        #expect(Severity(name: "urgent").rank == Severity.low.rank)
        #expect(Severity.listed.map(\.name) == ["low", "medium", "high", "critical"])
        #expect(Severity.listed.map { Severity(name: $0.name) } == Severity.listed)
    }

    @Test func missingQueryIsAnErrorForQueryRules() throws {
        let text =
            """
            [rule]\nrule_id = \"x\"\nname = \"n\"\ndescription = \"d\"\ntype = \"query\"\nseverity = \
            \"low\"\nrisk_score = 21\n
            """
        let error = try #require(throws: RuleLoadError.self) {
            try RuleLoader.load(text: text, sourcePath: "inline.toml")
        }
        #expect(error.kind == .missingKey("rule.query"))
    }

    @Test func missingFileIsReported() throws {
        let error = try #require(throws: RuleLoadError.self) { try RuleLoader.load(fileAt: "/nonexistent/rule.toml") }
        #expect(error.kind == .unreadable)
        #expect(error.description.hasPrefix("/nonexistent/rule.toml: "))
    }

    @Test func directoriesLoadRecursivelyInSortedOrder() {
        let result = RuleLoader.load(paths: [TestPaths.fixtures.path, "/nonexistent/dir"])
        #expect(
            result.rules.map(\.name) == [
                "Fixture Token Then Sign-In",
                "Fixture Denied Burst",
                "Fixture Rare Sign-In Country",
                "Fixture Instance Creates User",
                "Fixture Root Sign-In",
                "Fixture Sign-In Spray",
            ])
        #expect(result.errors.count == 3)
        #expect(
            result.errors.map { $0.path.split(separator: "/").last.map(String.init) ?? "" } == [
                "bad_syntax.toml", "missing_rule_id.toml", "dir",
            ])
    }
}
