import ArgumentParser
import CaseNotes
import ECSMapping
import Foundation
import TriageModel
import TriageStore

/// `trailtriage export`: case notes from the triage database, without the logs.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export triaged alerts as case notes (Markdown for tickets, JSON for machines).",
        discussion: """
            Reads only the triage database, so it works without the logs. Every value that came from a \
            log or an analyst is escaped: Markdown output cannot be forged into headings, links or \
            checkboxes, and JSON output stays valid. The notes are the same, byte for byte, as the \
            console's export of the same alerts.
            """
    )

    @Option(help: "The triage database. Default: $XDG_STATE_HOME/trailtriage/state.sqlite.")
    var db: String?

    @Option(
        name: .customLong("case"),
        help: "Export this case: $XDG_STATE_HOME/trailtriage/cases/NAME.sqlite (letters, digits, '.', '_', '-').")
    var caseName: String?

    @Option(help: "Output format: md or json.")
    var format: CaseNotesExporter.Format = .markdown

    @Option(name: .customLong("rule"), help: "Only alerts of this rule, by rule id or exact name (repeatable).")
    var rules: [String] = []

    @Option(parsing: .upToNextOption, help: "Only alerts with these workflow statuses (open, acknowledged, closed).")
    var status: [WorkflowStatus] = []

    @Option(help: "Only alerts whose event is at or after this UTC time (2026-10-01 or 2026-10-01T12:00:00Z).")
    var since: String?

    @Option(help: "Only alerts whose event is before this UTC time (same forms as --since).")
    var until: String?

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    mutating func run() throws {
        let filter = try alertFilter()
        let path: String
        do {
            path = try StateLocation.databasePath(db: db, caseName: caseName)
        } catch {
            throw ValidationError(error.description)
        }
        guard FileManager.default.fileExists(atPath: path) else {
            let what = caseName.map { "case \($0) has no triage database" } ?? "no triage database"
            StandardStreams.writeError(
                "error: \(what) at \(path); open alerts in the console first, or pass --db FILE or --case NAME\n")
            throw ExitCode(1)
        }
        let text: String
        do {
            let store = try TriageStore(path: path)
            let exporter = CaseNotesExporter(format: format, statuses: status.isEmpty ? nil : Set(status))
            text = try exporter.export(from: store, matching: filter).text
        } catch {
            StandardStreams.writeError("error: \(error)\n")
            throw ExitCode(1)
        }
        guard let output else {
            StandardStreams.writeOutput(text)
            return
        }
        do {
            try OutputFile.write(text, to: output, overwrite: force)
        } catch {
            StandardStreams.writeError("error: \(error)\n")
            throw ExitCode(2)
        }
    }

    /// The rule and time conditions, with a time that does not parse named with its option.
    private func alertFilter() throws -> StoredAlertFilter {
        func time(_ text: String?, option: String) throws -> Int64? {
            guard let text else { return nil }
            guard let milliseconds = ECSTimestamp.parse(text) else {
                throw ValidationError(
                    "\(option) \"\(text)\" is not a time; use a UTC date (2026-10-01) or an ISO 8601 time "
                        + "(2026-10-01T12:00:00Z)")
            }
            return milliseconds
        }
        let filter = StoredAlertFilter(
            rules: rules, since: try time(since, option: "--since"), until: try time(until, option: "--until"))
        if let since = filter.since, let until = filter.until, until <= since {
            throw ValidationError("--until must be later than --since")
        }
        return filter
    }
}

extension CaseNotesExporter.Format: ExpressibleByArgument {}
extension WorkflowStatus: ExpressibleByArgument {}
