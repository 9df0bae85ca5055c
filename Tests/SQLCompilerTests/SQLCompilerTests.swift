import DetectionRules
import Foundation
import TestSupport
import Testing

@testable import SQLCompiler

@Suite struct SQLCompilerTests {
    static let root = RepositoryPaths.root
    static let edgeRules = root + "/Tests/Fixtures/engine-edge/rules"
    static let upstreamRules = root + "/../shared/corpus/elastic-detection-rules-aws"
    static let goldens = root + "/Tests/SQLCompilerTests/Fixtures/golden"

    static func rules(_ paths: [String]) -> [DetectionRule] {
        RuleLoader.load(paths: paths).rules.sorted { $0.ruleID < $1.ruleID }
    }

    static let ownRules = rules([root + "/Assets/rules", edgeRules])

    @Test(arguments: SQLDialect.allCases)
    func generatedTextMatchesTheGoldenFiles(dialect: SQLDialect) throws {
        let compiler = SQLRuleCompiler(
            dialect: dialect, table: SQLTableShape(name: "cloudtrail_logs", recordColumn: "record"))
        #expect(Self.ownRules.count == 10)
        let update = ProcessInfo.processInfo.environment["TRAILTRIAGE_UPDATE_GOLDENS"] == "1"
        for rule in Self.ownRules {
            let sql = try compiler.compile(rule).sql + "\n"
            let path = "\(Self.goldens)/\(rule.ruleID).\(dialect.rawValue).sql"
            if update {
                try FileManager.default.createDirectory(atPath: Self.goldens, withIntermediateDirectories: true)
                try sql.write(toFile: path, atomically: true, encoding: .utf8)
            }
            let golden = try String(contentsOfFile: path, encoding: .utf8)
            #expect(sql == golden, "\(rule.name) (\(dialect.rawValue)) differs from \(path)")
        }
    }

    @Test func likePatternsEscapeTheirMetacharacters() {
        #expect(SQLPredicateCompiler.likePattern(["", "50%_off", ""]) == "%50!%!_off%")
        #expect(SQLPredicateCompiler.likePattern(["AKIA", ""]) == "AKIA%")
        #expect(SQLPredicateCompiler.likePattern(["wow!", "x"]) == "wow!!%x")
    }

    @Test func stringLiteralsFollowEachDialectsEscapes() throws {
        let rule = try #require(Self.ownRules.first { $0.ruleID == "0e000000-0000-4000-8000-000000000002" })
        let spark = try SQLRuleCompiler(dialect: .spark).compile(rule).sql
        let trino = try SQLRuleCompiler(dialect: .trino).compile(rule).sql
        // Spark reads backslash escapes in literals; Trino doubles only the quote.
        #expect(spark.contains(#"'it\'s'"#))
        #expect(spark.contains(#"'back\\\\slash'"#))
        #expect(trino.contains("'it''s'"))
        #expect(trino.contains(#"'back\\slash'"#))
        #expect(spark.contains("'a_b%c'") && trino.contains("'a_b%c'"), "an exact value is compared with =, not LIKE")
    }

    @Test func unsupportedRuleTypesAndFieldsAreRefusedWithTheReason() throws {
        let base = try #require(Self.ownRules.first { $0.type == .query })
        var eql = base
        eql.type = .eql
        #expect(throws: SQLCompileError.self) { try SQLRuleCompiler(dialect: .trino).compile(eql) }
        do {
            _ = try SQLRuleCompiler(dialect: .trino).compile(eql)
        } catch {
            #expect(error.reason.contains("eql rules are not translated"))
        }
        var javaMap = base
        javaMap.query = #"event.action: "PutBucketLogging" and aws.cloudtrail.request_parameters: *enabled=false*"#
        do {
            _ = try SQLRuleCompiler(dialect: .spark).compile(javaMap)
            Issue.record("a rule reading the Java map text must be refused")
        } catch {
            #expect(error.reason.contains("aws.cloudtrail.request_parameters"))
        }
        var unknown = base
        unknown.query = #"event.action: "X" and host.name: "y""#
        do {
            _ = try SQLRuleCompiler(dialect: .spark).compile(unknown)
            Issue.record("an unmapped field must be refused")
        } catch {
            #expect(error.reason.contains("host.name"))
        }
        var badTable = base
        badTable.query = base.query
        #expect(throws: SQLCompileError.self) {
            try SQLRuleCompiler(dialect: .spark, table: SQLTableShape(name: "logs; DROP TABLE x")).compile(badTable)
        }
    }

    @Test func thresholdRulesGroupOverRunsAndRefuseLongLookBacks() throws {
        let rule = try #require(Self.ownRules.first { $0.type == .threshold })
        for dialect in SQLDialect.allCases {
            let sql = try SQLRuleCompiler(dialect: dialect).compile(rule).sql
            #expect(sql.contains("GROUP BY term_1, tt_run"), "counted per group and run")
            #expect(sql.contains("tt_time > (tt_run - 1) * 300000"), "after an alert, only the later events count")
            #expect(sql.contains("'trailtriage-group-alert-v1'"), "the group id scan gives")
        }
        var ungrouped = rule
        ungrouped.threshold?.fields = []
        #expect(try SQLRuleCompiler(dialect: .spark).compile(ungrouped).sql.contains("PARTITION BY tt_all"))
        var hourly = rule
        hourly.from = "now-60m"
        do {
            _ = try SQLRuleCompiler(dialect: .spark).compile(hourly)
            Issue.record("a look-back of twelve intervals must be refused")
        } catch {
            #expect(error.reason.contains("spans two or more intervals"))
        }
        var parsed = rule
        parsed.threshold?.fields = ["user_agent.name"]
        do {
            _ = try SQLRuleCompiler(dialect: .trino).compile(parsed)
            Issue.record("grouping by a field SQL cannot read must be refused")
        } catch {
            #expect(error.reason.hasPrefix("reads user_agent.name"))
        }
    }

    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: upstreamRules), "../shared is absent: upstream rules skipped"))
    func upstreamKQLRulesCompileOrAreRefusedForAFieldReason() {
        let upstream = Self.rules([Self.upstreamRules]).filter {
            ($0.type == .query || $0.type == .newTerms || $0.type == .threshold) && ($0.language ?? "kuery") == "kuery"
        }
        let outcome = SQLRuleSetCompilation.compile(upstream, with: SQLRuleCompiler(dialect: .trino))
        for type in [RuleType.query, .newTerms, .threshold] {
            let compiled = outcome.compiled.filter { rule in
                upstream.contains { $0.ruleID == rule.ruleID && $0.type == type }
            }
            print(
                "upstream \(type.name) rules: \(compiled.count) of \(upstream.filter { $0.type == type }.count) compile"
            )
        }
        #expect(upstream.count == 144)
        #expect(outcome.compiled.count == 133)
        for refusal in outcome.refused {
            #expect(refusal.error.reason.hasPrefix("reads "), "\(refusal.rule.name): \(refusal.error.reason)")
        }
    }

    /// Every statement, for both dialects, parsed by sqlglot (an independent SQL parser).
    @Test(
        .enabled(if: SQLGlot.isAvailable, "python3 cannot import sqlglot (Scripts/install-deps.sh): parse test skipped")
    )
    func everyStatementParsesWithSqlglot() throws {
        var rules = Self.ownRules
        if FileManager.default.fileExists(atPath: Self.upstreamRules) {
            rules += Self.rules([Self.upstreamRules])
        } else {
            print("note: ../shared is absent: only TrailTriage's own rules are parsed")
        }
        for dialect in SQLDialect.allCases {
            let outcome = SQLRuleSetCompilation.compile(
                rules, with: SQLRuleCompiler(dialect: dialect, table: SQLTableShape(recordColumn: "record")))
            let failures = try SQLGlot.parse(outcome.compiled.map(\.sql), dialect: dialect.rawValue)
            #expect(failures.isEmpty, "\(dialect.rawValue): \(failures.joined(separator: "\n"))")
            #expect(outcome.compiled.count >= 9)
        }
    }
}
