import ArgumentParser
import DetectionRules
import SQLCompiler
import TrailTriageJSON

/// `trailtriage compile`: rules as SQL for Spark or Trino (Athena).
struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Translate query, new_terms and threshold rules to SQL for Spark or Trino (Amazon Athena).",
        discussion: """
            The SQL reads the raw CloudTrail columns of the table AWS documents for Athena \
            (cloudtrail_logs). Each statement returns one row per alert, with the same alert uuid as \
            `scan --all-signals`. Rules that cannot be translated are listed on standard error with the reason.
            """
    )

    @Option(help: "SQL dialect: spark or trino.")
    var dialect: SQLDialect

    @Option(help: "The CloudTrail table to read.")
    var table = "cloudtrail_logs"

    @Option(
        help: "A column holding each record's raw JSON text, returned with every alert (the Spark job's is 'record').")
    var recordColumn: String?

    @Option(name: .customLong("carry-column"), help: "A column every alert row carries through (repeatable).")
    var carriedColumns: [String] = []

    @Argument(help: "Rule files or directories. Default: the bundled rules.")
    var rules: [String] = []

    func validate() throws {
        guard SQLTableShape.isValidName(table) else {
            throw ValidationError("--table \(table) is not a plain SQL identifier (letters, digits, _ and dots).")
        }
        if let recordColumn, !SQLTableShape.isValidName(recordColumn) || recordColumn.contains(".") {
            throw ValidationError("--record-column \(recordColumn) is not a plain SQL column name.")
        }
    }

    mutating func run() throws {
        for column in carriedColumns where !SQLTableShape.isValidName(column) || column.contains(".") {
            throw ValidationError("--carry-column \(column) is not a plain SQL column name.")
        }
        let loaded = RuleLoader.load(paths: try RuleSelection.paths(rules))
        let compiler = SQLRuleCompiler(
            dialect: dialect,
            table: SQLTableShape(name: table, recordColumn: recordColumn, carriedColumns: carriedColumns))
        let outcome = SQLRuleSetCompilation.compile(loaded.rules, with: compiler)
        var text = ""
        for rule in outcome.compiled {
            for note in rule.notes { text += "-- note: \(note)\n" }
            text += rule.sql + ";\n\n"
        }
        StandardStreams.writeOutput(text)
        for error in loaded.errors {
            StandardStreams.writeError("error: \(UnsafeText.visible(String(describing: error)))\n")
        }
        for refusal in outcome.refused {
            StandardStreams.writeError(
                "refused: \(UnsafeText.visible(refusal.rule.name)) (\(refusal.rule.ruleID)): "
                    + "\(UnsafeText.visible(refusal.error.reason))\n")
        }
        StandardStreams.writeError(
            "compiled \(outcome.compiled.count) of \(loaded.rules.count) rules to \(dialect.rawValue) SQL; "
                + "\(outcome.refused.count) refused\n")
        if !loaded.errors.isEmpty { throw ExitCode(1) }
    }
}

extension SQLDialect: ExpressibleByArgument {}
