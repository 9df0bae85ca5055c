import ArgumentParser
import CaseNotes
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
            checkboxes, and JSON output stays valid.
            """
    )

    @Option(help: "The triage database. Default: $XDG_STATE_HOME/trailtriage/state.sqlite.")
    var db: String?

    @Option(help: "Output format: md or json.")
    var format: CaseNotesExporter.Format = .markdown

    @Option(parsing: .upToNextOption, help: "Only alerts with these workflow statuses (open, acknowledged, closed).")
    var status: [WorkflowStatus] = []

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    mutating func run() throws {
        let path = db ?? StateLocation.defaultDatabasePath()
        guard FileManager.default.fileExists(atPath: path) else {
            StandardStreams.writeError(
                "error: no triage database at \(path); open alerts in the console first, or pass --db FILE\n")
            throw ExitCode(1)
        }
        let text: String
        do {
            let store = try TriageStore(path: path)
            let exporter = CaseNotesExporter(format: format, statuses: status.isEmpty ? nil : Set(status))
            text = try exporter.export(from: store)
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
}

extension CaseNotesExporter.Format: ExpressibleByArgument {}
extension WorkflowStatus: ExpressibleByArgument {}
