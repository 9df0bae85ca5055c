import ArgumentParser
import DetectionEngine
import DetectionRules
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

        mutating func run() throws {
            let ruleSet = RuleSet.load(paths: try RuleSelection.paths(paths))
            var rows: [(String, String, String, String, String)] = []
            for compiled in ruleSet.rules {
                let rule = compiled.rule
                rows.append((rule.ruleID, rule.type.name, "\(rule.severity)/\(rule.riskScore)", "runs", rule.name))
            }
            for rule in ruleSet.unsupported {
                rows.append(
                    (rule.ruleID, rule.type.name, "\(rule.severity)/\(rule.riskScore)", "not yet supported", rule.name))
            }
            var text = "RULE ID                               TYPE       SEVERITY     STATUS             NAME\n"
            for row in rows.sorted(by: { $0.4 < $1.4 }) {
                let cells = [(row.0, 36), (row.1, 10), (row.2, 12), (row.3, 18)].map { text, width in
                    UnsafeText.visible(TextLayout.fit(text, width))
                }
                text += (cells + [UnsafeText.visible(row.4)]).joined(separator: " ") + "\n"
            }
            text +=
                """
                \(ruleSet.rules.count) runnable, \(ruleSet.unsupported.count) not yet supported, \
                \(ruleSet.errors.count) with errors\n
                """
            StandardStreams.writeOutput(text)
            for error in ruleSet.errors {
                StandardStreams.writeError("error: \(error)\n")
            }
            if !ruleSet.errors.isEmpty { throw ExitCode(1) }
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
            for rule in ruleSet.unsupported {
                StandardStreams.writeOutput(
                    """
                    ok: \(rule.sourcePath): \(UnsafeText.visible(rule.name)) (type \(rule.type.name) loads but is \
                    not run yet)\n
                    """
                )
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
