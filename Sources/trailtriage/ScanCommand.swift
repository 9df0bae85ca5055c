import Alerts
import ArgumentParser
import DetectionEngine
import DetectionRules
import ECSMapping
import KQL
import TrailTriageJSON

/// `trailtriage scan`: run rules over CloudTrail and print alerts.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Run detection rules over CloudTrail logs and print the alerts.",
        discussion: """
            Exit status: 0 when the scan ran (with or without alerts); 2 for usage errors or rule files \
            that do not load (the other rules still run); 1 with --strict when any input was unreadable, \
            held malformed records, or held records sharing an eventID with different content.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case ndjson, table
    }

    @Argument(help: "CloudTrail files or directories (searched recursively); - reads standard input.")
    var paths: [String]

    @Option(
        name: .customLong("rules"),
        help: "A rule file or directory of *.toml rules (repeatable). Default: the bundled rules.")
    var rulePaths: [String] = []

    @Option(help: "Output format: ndjson (one alert per line) or table.")
    var format: Format = .ndjson

    @Option(name: [.short, .customLong("output")], help: "Write alerts to this file instead of standard output.")
    var output: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    @Flag(help: "Exit with status 1 when any input was unreadable, held malformed records or eventID conflicts.")
    var strict = false

    @Option(help: "Worker threads (default: the number of cores).")
    var workers: Int?

    @Flag(help: "Keep every alert instead of at most max_signals per rule per run interval.")
    var allSignals = false

    @Flag(help: "Parse every record fully instead of first checking provider and action (slower; same alerts).")
    var noPrefilter = false

    @Flag(name: .shortAndLong, help: "Print only the summary counts, not every input problem.")
    var quiet = false

    @OptionGroup var readLimits: ReadLimitOptions

    @OptionGroup var enrichmentOptions: EnrichmentOptions

    mutating func run() throws {
        let ruleSet = RuleSet.load(paths: try RuleSelection.paths(rulePaths))
        for error in ruleSet.errors {
            StandardStreams.writeError("error: \(error)\n")
        }
        let enrichment = try enrichmentOptions.enrichment()
        let coverage = RuleCoverage.assess(ruleSet, enrichment: enrichment)
        for rule in coverage {
            for reason in Self.coverageNotes(rule) {
                StandardStreams.writeError(
                    "note: \(rule.sourcePath): rule \"\(UnsafeText.visible(rule.name))\" \(reason)\n")
            }
        }
        if ruleSet.rules.isEmpty {
            throw ValidationError("No runnable rules were loaded.")
        }
        let configuration = ScanConfiguration(
            ruleSet: ruleSet,
            workerCount: workers ?? ProcessorCount.current,
            usesPrefilter: !noPrefilter,
            appliesMaxSignals: !allSignals,
            mapperOptions: ECSMapperOptions(enrichment: enrichment),
            readLimits: readLimits.limits
        )
        let result = DetectionScan.run(paths: paths, configuration: configuration)

        if let output {
            var bytes: [UInt8] = []
            switch format {
            case .ndjson: Self.writeNDJSON(result.alerts) { bytes.append(contentsOf: $0) }
            case .table: bytes = Array(AlertTable.render(result.alerts).utf8)
            }
            do {
                try OutputFile.write(bytes, to: output, overwrite: force)
            } catch {
                StandardStreams.writeError("error: \(error)\n")
                throw ExitCode(2)
            }
        } else {
            switch format {
            case .ndjson: Self.writeNDJSON(result.alerts) { StandardStreams.writeOutput($0) }
            case .table: StandardStreams.writeOutput(AlertTable.render(result.alerts))
            }
        }
        StandardStreams.writeError(ScanSummaryReport.render(result.summary, verbose: !quiet, coverage: coverage))

        if !ruleSet.errors.isEmpty {
            throw ExitCode(2)
        }
        let summary = result.summary
        // An eventID used by different content may be a forgery, so strict runs treat it as bad input.
        if strict && (summary.filesUnreadable > 0 || summary.recordsMalformed > 0 || summary.eventIDConflicts > 0) {
            throw ExitCode(1)
        }
    }

    /// Hands `alerts` as NDJSON to `emit` in pieces of about a megabyte. Each alert is written
    /// as bytes straight into the piece: a record with a huge field then costs its size once
    /// more, not once per intermediate `String`.
    static func writeNDJSON(_ alerts: [Alert], emit: ([UInt8]) -> Void) {
        let writer = JSONWriter()
        var piece: [UInt8] = []
        for alert in alerts {
            writer.write(.object(alert.flatJSON), into: &piece)
            piece.append(UInt8(ascii: "\n"))
            if piece.count >= 1 << 20 {
                emit(piece)
                piece.removeAll(keepingCapacity: false)
            }
        }
        if !piece.isEmpty { emit(piece) }
    }

    /// What the scan says about a rule that does not run as Elastic runs it.
    static func coverageNotes(_ rule: RuleCoverage) -> [String] {
        switch rule.status {
        case .runs: return []
        case .runsWithoutData(let reasons):
            return reasons.map { UnsafeText.visible($0) + "; its alerts may differ from Elastic's" }
        case .notRun(let reason): return ["was not run: " + UnsafeText.visible(reason)]
        }
    }
}
