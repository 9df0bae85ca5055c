import Alerts
import ArgumentParser
import BundledAssets
import DetectionEngine
import DetectionRules
import ECSMapping
import Foundation
import SQLCompiler
import TrailTriageJSON

/// `trailtriage spark`: the rules compiled to Spark SQL and run by the bundled PySpark job.
struct SparkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spark",
        abstract: "Run the rules on Spark over S3-layout CloudTrail (.json.gz), local paths or s3a:// URLs.",
        discussion: """
            Compiles the query, new_terms and threshold rules to Spark SQL, runs them in one job of the bundled \
            PySpark job (Assets/spark/trailtriage_spark.py; needs pyspark 4 and Java 17) and writes to --out: \
            alerts.ndjson (the shape of `scan --all-signals --format ndjson`), records.ndjson (each alert's raw \
            record), context.ndjson (the records of each alerted actor within ±24 h) and engine-report.json. \
            Open the result with `trailtriage --alerts DIR`.
            """
    )

    @Argument(help: "S3-layout folders or files (.json.gz or .json holding {\"Records\": [...]}), or s3a:// URLs.")
    var paths: [String]

    @Option(name: .customLong("rules"), help: "Rule files or directories (repeatable). Default: the bundled rules.")
    var rulePaths: [String] = []

    @Option(help: "The directory to write the results to (created if missing).")
    var out: String

    @Option(help: "Spark master URL, e.g. local[2], spark://host:7077 or yarn.")
    var master = "local[2]"

    @Option(help: "The Python that has pyspark. Default: $TRAILTRIAGE_PYTHON, else python3.")
    var python: String?

    @OptionGroup var enrichmentOptions: EnrichmentOptions

    mutating func run() throws {
        let loaded = RuleLoader.load(paths: try RuleSelection.paths(rulePaths))
        for error in loaded.errors {
            StandardStreams.writeError("error: \(UnsafeText.visible(String(describing: error)))\n")
        }
        let table = SQLTableShape.sparkJob
        let compilation = SQLRuleSetCompilation.compile(
            loaded.rules, with: SQLRuleCompiler(dialect: .spark, table: table))
        for refusal in compilation.refused {
            StandardStreams.writeError(
                "note: not run on Spark: \(UnsafeText.visible(refusal.rule.name)) (\(refusal.rule.ruleID)): "
                    + "\(UnsafeText.visible(refusal.error.reason))\n")
        }
        guard !compilation.compiled.isEmpty else {
            throw ValidationError("None of the rules loaded can be compiled to Spark SQL.")
        }
        let job: String
        do {
            job = try AssetLocator.path(of: "spark/trailtriage_spark.py")
        } catch {
            throw ValidationError("The Spark job (Assets/spark/trailtriage_spark.py) is not available: \(error)")
        }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let rulesFile = out + "/engine-rules.json"
        let manifest = JSONValue.array(
            compilation.compiled.map { rule in
                .object([
                    "rule_id": .string(rule.ruleID), "name": .string(rule.ruleName), "sql": .string(rule.sql),
                    "condition": .string(rule.condition), "type": .string(rule.ruleType.name),
                ])
            })
        try Data(JSONWriter().string(from: manifest).utf8).write(to: URL(fileURLWithPath: rulesFile))

        let interpreter = python ?? ProcessInfo.processInfo.environment["TRAILTRIAGE_PYTHON"] ?? "python3"
        let status = try Self.runJob(
            interpreter: interpreter, arguments: [job, "--rules", rulesFile, "--out", out, "--master", master] + paths)
        guard status == 0 else {
            StandardStreams.writeError("error: the Spark job exited with status \(status)\n")
            throw ExitCode(1)
        }
        let mapper = ECSMapper(options: ECSMapperOptions(enrichment: try enrichmentOptions.enrichment()))
        let outcome = try EngineOutputFiles.convert(
            directory: out, rules: loaded.rules, mapper: mapper, givenPaths: paths)
        StandardStreams.writeError(outcome.summary)
        if outcome.disagreements > 0 || !loaded.errors.isEmpty { throw ExitCode(1) }
    }

    /// Runs the job with the environment Spark needs to stay on this machine in local mode.
    static func runJob(interpreter: String, arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [interpreter] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SPARK_LOCAL_IP"] = environment["SPARK_LOCAL_IP"] ?? "127.0.0.1"
        environment["PYSPARK_PYTHON"] = environment["PYSPARK_PYTHON"] ?? interpreter
        process.environment = environment
        do {
            try process.run()
        } catch {
            throw ValidationError("Could not start \(interpreter) for the Spark job: \(error)")
        }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
