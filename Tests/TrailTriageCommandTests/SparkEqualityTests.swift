import Alerts
import DetectionRules
import ECSMapping
import Foundation
import SQLCompiler
import TestSupport
import Testing
import TrailTriageJSON

@testable import trailtriage

/// The Spark job on local[2] against `scan --all-signals`, on the same S3-layout trees, for every
/// rule the compiler accepts. One Spark start runs all corpora (`--dataset`), to keep the suite short.
@Suite(.serialized, .enabled(if: SparkJob.unavailableReason == nil, "\(SparkJob.unavailableReason ?? "")"))
struct SparkEqualityTests {
    static let root = RepositoryPaths.root
    static let edgeDirectory = root + "/Tests/Fixtures/engine-edge"

    /// (rule id, event id, uuid) of every alert.
    typealias Identity = String

    @Test func sparkGivesExactlyScansAlertsOnEveryCorpus() throws {
        let scratch = try ScratchDirectory()
        var datasets: [(name: String, path: String)] = []
        let generated = scratch.file("generated")
        let generate = try CommandRunner.run(["generate", "--events", "4000", "--days", "3", generated])
        try #require(generate.status == 0, "\(generate.standardError)")
        datasets.append(("generated", generated + "/AWSLogs"))
        datasets.append(("sample", Self.root + "/Assets/samples/AWSLogs"))
        datasets.append(("edge", try Self.writeEdgeCorpus(into: scratch)))
        if RepositoryPaths.hasPipelineCorpus {
            datasets.append(
                (
                    "pipeline",
                    try Self.writeS3Layout(of: RepositoryPaths.pipelineCorpus, named: "pipeline", into: scratch)
                ))
        } else {
            print("note: ../shared/corpus/elastic-cloudtrail-pipeline is absent: pipeline corpus skipped")
        }
        if RepositoryPaths.hasRecordedCorpus {
            datasets.append(
                (
                    "recorded",
                    try Self.writeS3Layout(of: RepositoryPaths.recordedCorpus, named: "recorded", into: scratch)
                ))
        } else {
            print("note: ../shared/corpus/recorded is absent: recorded corpus skipped")
        }

        var rulePaths = [Self.root + "/Assets/rules", Self.edgeDirectory + "/rules"]
        if RepositoryPaths.hasUpstreamRules {
            rulePaths.append(RepositoryPaths.upstreamRules)
        } else {
            print("note: ../shared/corpus/elastic-detection-rules-aws is absent: upstream rules skipped")
        }
        let rules = RuleLoader.load(paths: rulePaths).rules
        let table = SQLTableShape.sparkJob
        let compiled = SQLRuleSetCompilation.compile(rules, with: SQLRuleCompiler(dialect: .spark, table: table))
            .compiled
        let compiledIDs = Set(compiled.map(\.ruleID))
        let manifest = JSONValue.array(
            compiled.map {
                .object([
                    "rule_id": .string($0.ruleID), "sql": .string($0.sql), "condition": .string($0.condition),
                    "type": .string($0.ruleType.name),
                ])
            })
        let rulesFile = try scratch.write("rules.json", JSONWriter().string(from: manifest))
        let out = scratch.file("out")

        let started = Date()
        let status = try SparkJob.run(
            ["--rules", rulesFile, "--out", out, "--master", "local[2]"]
                + datasets.flatMap { ["--dataset", "\($0.name)=\($0.path)"] })
        let sparkSeconds = Date().timeIntervalSince(started)
        try #require(status == 0, "the Spark job failed")

        let mapper = ECSMapper()
        var scanTotal = 0.0
        for dataset in datasets {
            let scanStarted = Date()
            let scan = try CommandRunner.run(
                ["scan", "--all-signals", "--quiet", dataset.path] + rulePaths.flatMap { ["--rules", $0] })
            let scanSeconds = Date().timeIntervalSince(scanStarted)
            scanTotal += scanSeconds
            let expected = try Self.identities(ndjson: scan.standardOutput, keepingRules: compiledIDs)
            let outcome = try EngineOutputFiles.convert(
                directory: out + "/" + dataset.name, rules: rules, mapper: mapper)
            let actual = Set(
                outcome.alerts.map {
                    "\($0.rule.ruleID) \($0.document.keywordValues(at: "event.id").first ?? "-") \($0.uuid)"
                })
            let difference =
                "\(dataset.name): only Spark \(actual.subtracting(expected).sorted()), "
                + "only scan \(expected.subtracting(actual).sorted())"
            #expect(actual == expected, Comment(rawValue: difference))
            #expect(outcome.disagreements == 0, "\(dataset.name): \(outcome.problems)")
            let counts =
                "spark-equality \(dataset.name): \(actual.count) alerts from Spark, \(expected.count) from scan "
                + "(scan \(String(format: "%.1f", scanSeconds)) s)"
            print(counts)
            if dataset.name == "edge" { try Self.checkEdgeCases(actual) }
        }
        print(
            "spark-equality: one Spark job for \(datasets.count) corpora and \(compiled.count) rules took "
                + "\(String(format: "%.1f", sparkSeconds)) s; scan on the same corpora and rules "
                + "\(String(format: "%.1f", scanTotal)) s"
        )
    }

    static func identities(ndjson: String, keepingRules ids: Set<String>) throws -> Set<Identity> {
        var result: Set<Identity> = []
        for line in ndjson.split(separator: "\n") {
            let alert = try #require(try JSONParser.parse(String(line)).objectValue)
            let rule = alert["kibana.alert.rule.rule_id"]?.stringValue ?? ""
            guard ids.contains(rule) else { continue }
            result.insert(
                "\(rule) \(alert["event.id"]?.stringValue ?? "-") \(alert["kibana.alert.uuid"]?.stringValue ?? "")")
        }
        return result
    }

    /// What the edge-case rules must decide, whatever scan says.
    static func checkEdgeCases(_ alerts: Set<Identity>) throws {
        func events(of suffix: String) -> Set<String> {
            Set(
                alerts.filter { $0.hasPrefix("0e000000-0000-4000-8000-00000000000\(suffix) ") }.map {
                    $0.split(separator: " ")[1].description
                })
        }
        #expect(events(of: "1") == ["edge-001", "edge-004"], "% and _ match only themselves")
        #expect(events(of: "2") == ["edge-005", "edge-008", "edge-009"])
        #expect(events(of: "3") == ["edge-011"], "I- is not i-; api- has no :i-")
        #expect(events(of: "4") == ["edge-014"])
        #expect(events(of: "5") == ["edge-019", "edge-024"])
        #expect(events(of: "6") == ["nt-a", "nt-d", "nt-e", "nt-g"], "ties, the exact window boundary and re-delivery")
        #expect(events(of: "7") == ["ar-1", "ar-3", "ar-4"])
        // A at 10:05 and again at 10:10 on its two later events only, B at 10:10 with an event on
        // the window's first instant, C at 10:15 but not at 10:20 (one event after its alert).
        let groups = alerts.filter { $0.hasPrefix("0e000000-0000-4000-8000-000000000008 ") }
        #expect(groups.count == 4, "threshold groups: \(groups.sorted())")
    }

    /// The edge records in two S3-layout files; the second re-delivers three of them.
    static func writeEdgeCorpus(into scratch: ScratchDirectory) throws -> String {
        let data = try #require(FileManager.default.contents(atPath: edgeDirectory + "/records.json"))
        let fixture = try #require(try JSONParser.parse([UInt8](data)).objectValue)
        let records = try #require(fixture["records"]?.arrayValue)
        let again = Set((fixture["redelivered"]?.arrayValue ?? []).compactMap(\.stringValue))
        let copies = records.filter { again.contains($0.objectValue?["eventID"]?.stringValue ?? "") }
        let folder = "edge/AWSLogs/111122223333/CloudTrail/us-east-1/2026/10/01/"
        _ = try scratch.write(folder + "a.json.gz", try SystemGzip.compress(envelope(records)))
        _ = try scratch.write(folder + "b.json.gz", try SystemGzip.compress(envelope(copies)))
        return scratch.file("edge/AWSLogs")
    }

    static func envelope(_ records: [JSONValue]) -> String {
        JSONWriter().string(from: .object(["Records": .array(records)]))
    }

    /// Each .json/.log file of a corpus (a record, an array of records, `{"Records": …}` or NDJSON)
    /// as one `.json.gz` of the S3 layout.
    static func writeS3Layout(of corpus: String, named name: String, into scratch: ScratchDirectory) throws -> String {
        let enumerator = FileManager.default.enumerator(atPath: corpus)
        var index = 0
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".json") || relative.hasSuffix(".log") else { continue }
            let text = try String(contentsOfFile: corpus + "/" + relative, encoding: .utf8)
            var records: [JSONValue] = []
            if let whole = try? JSONParser.parse(text) {
                switch whole {
                case .array(let elements): records = elements
                case .object(let object): records = object["Records"]?.arrayValue ?? [whole]
                default: continue
                }
            } else {
                records = text.split(separator: "\n").compactMap { try? JSONParser.parse(String($0)) }
            }
            index += 1
            let file = "\(name)/AWSLogs/000000000000/CloudTrail/us-east-1/2026/01/01/file-\(index).json.gz"
            _ = try scratch.write(file, try SystemGzip.compress(envelope(records)))
        }
        return scratch.file(name + "/AWSLogs")
    }
}

/// The bundled PySpark job, run with the test machine's python3.
enum SparkJob {
    static let unavailableReason: String? = {
        guard (try? run(["-c", "import pyspark"], quiet: true)) == 0 else {
            return "python3 cannot import pyspark (Scripts/install-deps.sh installs it): Spark tests skipped"
        }
        let java = Process()
        java.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        java.arguments = ["java", "-version"]
        java.standardError = FileHandle.nullDevice
        java.standardOutput = FileHandle.nullDevice
        guard (try? java.run()) != nil else { return "java is not installed: Spark tests skipped" }
        java.waitUntilExit()
        return java.terminationStatus == 0 ? nil : "java is not installed: Spark tests skipped"
    }()

    static func run(_ arguments: [String], quiet: Bool = false) throws -> Int32 {
        let job = RepositoryPaths.root + "/Assets/spark/trailtriage_spark.py"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + (arguments.first == "-c" ? arguments : [job] + arguments)
        var environment = ProcessInfo.processInfo.environment
        environment["SPARK_LOCAL_IP"] = "127.0.0.1"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        if quiet { process.standardError = FileHandle.nullDevice }
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
