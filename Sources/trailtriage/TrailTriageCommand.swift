import ArgumentParser
import Foundation

/// The `trailtriage` command.
@main
struct TrailTriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trailtriage",
        abstract: "Triage AWS CloudTrail with Elastic detection rules.",
        discussion: """
            Reads CloudTrail as AWS delivers it (S3 layout, .json.gz with {"Records":[…]}), plain JSON, \
            JSON arrays, NDJSON or standard input, maps every record to Elastic Common Schema and runs \
            Elastic detection rules (KQL query and new_terms) written in Elastic's TOML rule format.
            """,
        version: TrailTriageVersion.current,
        subcommands: [
            ConsoleCommand.self, ScanCommand.self, RulesCommand.self, GenerateCommand.self, ExportCommand.self,
            ConsoleBenchmarkCommand.self, CompileCommand.self, SparkCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self
    )

    /// Runs the command, with usage errors exiting 2 (as scripts around `scan` expect) rather
    /// than ArgumentParser's default of 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                StandardStreams.writeError(fullMessage(for: error) + "\n")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// The program's version, shown by `--version`.
enum TrailTriageVersion {
    static let current = "0.1.0"
}
