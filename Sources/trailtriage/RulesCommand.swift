import ArgumentParser
import DetectionEngine
import DetectionRules
import ECSMapping
import TerminalGrid
import TrailTriageJSON

/// `trailtriage rules`: list and check rule files.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List or validate detection rule files.",
        subcommands: [List.self, Validate.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List rules with their type, severity and whether they run.")

        @Argument(help: "Rule files or directories. Default: the bundled rules.")
        var paths: [String] = []

        @OptionGroup var enrichmentOptions: EnrichmentOptions

        mutating func run() throws {
            let enrichment = try enrichmentOptions.enrichment()
            let ruleSet = RuleSet.load(paths: try RuleSelection.paths(paths))
            let coverage = RuleCoverage.assess(ruleSet, enrichment: enrichment)
            StandardStreams.writeOutput(Self.render(coverage, errors: ruleSet.errors.count))
            for error in ruleSet.errors {
                StandardStreams.writeError("error: \(error)\n")
            }
            if !ruleSet.errors.isEmpty { throw ExitCode(1) }
        }

        /// The table of rules, then why each rule that does not run as Elastic's does not.
        static func render(_ coverage: [RuleCoverage], errors: Int) -> String {
            var text = "RULE ID                               TYPE       SEVERITY     STATUS             NAME\n"
            for rule in coverage.sorted(by: { $0.name < $1.name }) {
                let status: String
                switch rule.status {
                case .runs: status = "runs"
                case .runsWithoutData: status = "runs, data missing"
                case .notRun: status = rule.type == .machineLearning ? "not supported" : "not yet supported"
                }
                let cells = [
                    (rule.ruleID, 36), (rule.type.name, 10), ("\(rule.severity)/\(rule.riskScore)", 12), (status, 18),
                ].map { text, width in UnsafeText.visible(TextLayout.fit(text, width)) }
                text += (cells + [UnsafeText.visible(rule.name)]).joined(separator: " ") + "\n"
            }
            for rule in coverage.sorted(by: { $0.name < $1.name }) {
                let reasons: [String]
                switch rule.status {
                case .runs: continue
                case .runsWithoutData(let missing): reasons = missing
                case .notRun(let reason): reasons = [reason]
                }
                for reason in reasons {
                    text += "note: \(UnsafeText.visible(rule.name)): \(UnsafeText.visible(reason))\n"
                }
            }
            let running = coverage.filter(\.runs)
            let missingData = running.filter { $0.status != .runs }.count
            let machineLearning = coverage.filter { !$0.runs && $0.type == .machineLearning }.count
            let otherNotRun = coverage.count - running.count - machineLearning
            var totals = ["\(running.count) run"]
            if missingData > 0 { totals[0] += " (\(missingData) without some of the data they read)" }
            if machineLearning > 0 { totals.append("\(machineLearning) machine learning rules not supported") }
            if otherNotRun > 0 { totals.append("\(otherNotRun) not yet supported") }
            totals.append("\(errors) with errors")
            return text + totals.joined(separator: ", ") + "\n"
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that rule files load and their queries parse.",
            discussion: "Exit status 1 when any file does not load or any query does not parse."
        )

        @Argument(help: "Rule files or directories.")
        var paths: [String]

        mutating func run() throws {
            let ruleSet = RuleSet.load(paths: paths)
            for compiled in ruleSet.rules {
                StandardStreams.writeOutput(
                    "ok: \(compiled.rule.sourcePath): \(UnsafeText.visible(compiled.rule.name))\n")
            }
            for rule in RuleCoverage.assess(ruleSet, enrichment: ECSEnrichment()) {
                guard case .notRun(let reason) = rule.status else { continue }
                StandardStreams.writeOutput(
                    "ok: \(rule.sourcePath): \(UnsafeText.visible(rule.name)) (loads, but is not run: \(reason))\n")
            }
            for error in ruleSet.errors {
                StandardStreams.writeOutput("error: \(error)\n")
            }
            let total = ruleSet.rules.count + ruleSet.unsupported.count + ruleSet.errors.count
            StandardStreams.writeOutput("\(total - ruleSet.errors.count) of \(total) rule files valid\n")
            if !ruleSet.errors.isEmpty { throw ExitCode(1) }
        }
    }
}
