import ArgumentParser
import CloudTrailGenerator
import Foundation

/// `trailtriage generate`: write a deterministic synthetic CloudTrail corpus.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write realistic synthetic CloudTrail in the S3 layout, for benchmarks and demos.",
        discussion: """
            The same options give the same bytes. Known true positives and near misses for the bundled \
            rules are planted and listed in OUT/planted-events.json.
            """
    )

    @Option(help: "Number of events.")
    var events = 10_000

    @Option(help: "Seed for the random generator.")
    var seed: UInt64 = 1

    @Option(help: "Days of activity, starting at --start-date.")
    var days = 7

    @Option(help: "Number of AWS accounts.")
    var accounts = 2

    @Option(help: "First day (YYYY-MM-DD, UTC).")
    var startDate = "2026-10-01"

    @Argument(help: "Output directory (AWSLogs/… is written inside it).")
    var output: String

    mutating func run() throws {
        let configuration = GeneratorConfiguration(
            events: events, seed: seed, days: days, accounts: accounts, startDate: startDate)
        let report = try CloudTrailGenerator(configuration: configuration).write(to: output)
        let planted = report.plantedTruePositives + report.plantedNearMisses
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(planted).write(to: URL(fileURLWithPath: output + "/planted-events.json"))
        StandardStreams.writeError(
            """
            wrote \(report.files) files, \(report.events) events: \(report.bytesUncompressed) bytes of JSON, \
            \(report.bytesCompressed) gzipped (\(Int(report.averageRecordSize)) bytes per record)
            planted: \(report.plantedTruePositives.count) alerting events, \(report.plantedNearMisses.count) near \
            misses (listed in \(output)/planted-events.json)

            """)
    }
}
