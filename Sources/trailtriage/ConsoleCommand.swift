import ArgumentParser
import BundledAssets
import DetectionEngine
import ECSMapping
import Foundation
import TriageModel
import TriageStore

/// `trailtriage [PATH...]`: the triage console (the default command).
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the triage console on CloudTrail logs (the default command).",
        discussion: """
            With no PATH the console opens the bundled sample data. Triage (reviewed marks, status, \
            dispositions, notes, checklist ticks) is saved in the state database the moment it shows \
            on screen, keyed by each alert's stable id, so reopening the same data brings it all back. \
            Press ? in the console for the keys.
            """
    )

    @Argument(help: "CloudTrail files or directories. Default: the bundled sample data.")
    var paths: [String] = []

    @Option(name: .customLong("rules"), help: "A rule file or directory (repeatable). Default: the bundled rules.")
    var rulePaths: [String] = []

    @Option(
        name: .customLong("alerts"),
        help: ArgumentHelp(
            """
            Open an engine's output instead of scanning logs: the directory `trailtriage spark --out DIR` \
            wrote (records.ndjson, context.ndjson). Each alert is re-checked against its raw record with \
            the rules given by --rules (pass the rules the engine ran); disagreements are flagged with !.
            """, valueName: "DIR"))
    var alertsDirectory: String?

    @Option(help: "The triage database. Default: $XDG_STATE_HOME/trailtriage/state.sqlite.")
    var db: String?

    @Option(
        name: .customLong("case"),
        help: """
            Keep this case's triage in its own database, $XDG_STATE_HOME/trailtriage/cases/NAME.sqlite \
            (letters, digits, '.', '_', '-'). Default: the default database.
            """)
    var caseName: String?

    @Option(help: "The analyst name recorded with each action. Default: $USER.")
    var analyst: String?

    @Flag(
        name: .customLong("no-mouse"),
        help: "Leave the mouse to the terminal (its own text selection) instead of clicks and the wheel.")
    var noMouse = false

    @OptionGroup var readLimits: ReadLimitOptions

    @OptionGroup var enrichmentOptions: EnrichmentOptions

    mutating func run() throws {
        let databasePath: String
        do {
            databasePath = try StateLocation.databasePath(db: db, caseName: caseName)
        } catch {
            throw ValidationError(error.description)
        }
        if let alertsDirectory {
            guard paths.isEmpty else {
                throw ValidationError("Give either --alerts DIR or CloudTrail paths, not both.")
            }
            guard EngineOutputLoader.alertsFile(in: alertsDirectory) != nil else {
                throw ValidationError(
                    "\(alertsDirectory) holds no engine output (records.ndjson or engine-alerts.ndjson); "
                        + "write it with `trailtriage spark PATH... --out \(alertsDirectory)`.")
            }
        }
        guard ConsoleSession.hasTerminal() else {
            StandardStreams.writeError(
                """
                trailtriage: the console needs a terminal; for output to a file or pipe use `trailtriage scan \
                PATH...`\n
                """
            )
            throw ExitCode(2)
        }
        var inputs = paths
        if inputs.isEmpty && alertsDirectory == nil {
            do {
                inputs = [try AssetLocator.sampleDataDirectory()]
            } catch {
                throw ValidationError(
                    """
                    No PATH given and the bundled sample data cannot be used: \(error.description). Pass CloudTrail \
                    files or directories.
                    """)
            }
        }
        let enrichment = try enrichmentOptions.enrichment()
        let ruleSet = RuleSet.load(paths: try RuleSelection.paths(rulePaths))
        if ruleSet.rules.isEmpty {
            for error in ruleSet.errors { StandardStreams.writeError("error: \(error)\n") }
            throw ValidationError("No runnable rules were loaded.")
        }
        let store: TriageStore
        do {
            store = try TriageStore(path: databasePath)
        } catch {
            StandardStreams.writeError("trailtriage: cannot use the triage database: \(error)\n")
            throw ExitCode(1)
        }
        let session = ConsoleSession(
            inputs: inputs, ruleSet: ruleSet, limits: readLimits.limits, enrichment: enrichment, store: store,
            analyst: StateLocation.analyst(override: analyst), mouse: !noMouse, engineOutput: alertsDirectory)
        try session.run()
    }
}
