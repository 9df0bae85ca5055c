import CaseNotes
import ConsoleUI
import DetectionEngine
import Foundation
import RelatedActivity
import TestSupport
import Testing
import TriageModel
import TriageStore

@testable import trailtriage

/// `trailtriage export` and the console's export write the same notes for the same alerts: the
/// console exports its in-memory alerts (every related event), the command the stored ones.
@Suite struct ExportSharingTests {
    /// The fixture alerts as the console loads them, one of them made busy (more related events
    /// than a case file keeps), saved and triaged in the default database under `state`.
    private func consoleAlerts(stateHome: String) throws -> (records: [AlertRecord], store: TriageStore) {
        let loaded = ConsoleLoader.load(
            inputs: [RepositoryPaths.fixtures + "/seed-rules"],
            ruleSet: RuleSet.load(paths: [RepositoryPaths.bundledRules]))
        var records = loaded.records
        try #require(records.count >= 2)
        let busy = records[0]
        let extra = (0..<(AlertRecord.caseFileRelatedLimit + 150)).map { (number: Int) -> RelatedEvent in
            let time: Int64 = busy.originalTime - 3_600_000 + Int64(number) * 20_000
            let event = EventSummary(
                time: time, eventID: "busy-\(number)", provider: "s3.amazonaws.com", action: "GetObject",
                outcome: "success")
            return RelatedEvent(event: event, relation: .sameARN, isFollowUp: number == 3, isAlertEvent: false)
        }
        records[0].relatedActivity = (busy.relatedActivity + extra).sorted { $0.event.time < $1.event.time }
        let store = try TriageStore(
            path: StateLocation.defaultDatabasePath(environment: ["XDG_STATE_HOME": stateHome]))
        try store.save(records)
        try store.apply(.setNotes("checked with the owner"), to: [records[0].uuid], analyst: "dana", time: 1_000)
        try store.apply(.close(.falsePositive, reason: "test"), to: [records[1].uuid], analyst: "dana", time: 2_000)
        return (records, store)
    }

    @Test(arguments: CaseNotesExporter.Format.allCases)
    func commandExportIsByteIdenticalToTheConsoleExport(format: CaseNotesExporter.Format) throws {
        let scratch = try ScratchDirectory()
        let stateHome = scratch.file("state")
        let (records, store) = try consoleAlerts(stateHome: stateHome)
        #expect(records[0].relatedActivity.count > AlertRecord.caseFileRelatedLimit)

        let consoleFile = scratch.file("console." + format.rawValue)
        let outcome = ConsoleSession.export(
            records, format: format, path: consoleFile, overwrite: false, store: store)
        #expect(outcome == .written(path: consoleFile, count: records.count))

        let commandFile = scratch.file("command." + format.rawValue)
        let command = try CommandRunner.run(
            ["export", "--format", format.rawValue, "-o", commandFile], environment: ["XDG_STATE_HOME": stateHome])
        #expect(command.status == 0, "\(command.standardError)")

        let consoleBytes = try Data(contentsOf: URL(fileURLWithPath: consoleFile))
        let commandBytes = try Data(contentsOf: URL(fileURLWithPath: commandFile))
        #expect(!consoleBytes.isEmpty)
        #expect(consoleBytes == commandBytes)
        if format == .markdown {
            let text = String(decoding: commandBytes, as: UTF8.self)
            #expect(text.contains("checked with the owner"))
            // The busy alert's related list stops at the case file's cap, in both exports.
            let busyLines = text.split(separator: "\n").filter { $0.contains("`GetObject` `s3.amazonaws.com`") }
            let kept = records[0].caseFileRelatedActivity.filter { $0.event.action == "GetObject" }.count
            #expect(busyLines.count == kept)
            #expect(kept < AlertRecord.caseFileRelatedLimit + 150)
            #expect(busyLines.contains { $0.contains("**follow-up**") })
        }
    }

    /// 5 s is the bar for the release binary (measured 2.5 s JSON, 3.2 s Markdown for this set on
    /// the 2-core machine). `swift test` runs a debug build, which measured 4-5x slower on the same
    /// set (12 s, 17 s with Spark running beside it), so a debug run is held to five times the bar.
    #if DEBUG
        static let exportLimitSeconds = 25.0
    #else
        static let exportLimitSeconds = 5.0
    #endif

    /// The issue's bar: 1,000 alerts export from the command line in under 5 s in either
    /// format, with the same bytes as the console's export of the same set.
    @Test(arguments: CaseNotesExporter.Format.allCases)
    func aThousandAlertsExportInUnderFiveSecondsAndMatchTheConsole(format: CaseNotesExporter.Format) throws {
        let scratch = try ScratchDirectory()
        let stateHome = scratch.file("state")
        let (seed, store) = try consoleAlerts(stateHome: stateHome)
        var records: [AlertRecord] = []
        for number in 0..<1_000 {
            var copy = seed[number % seed.count]
            copy.uuid = String(format: "%08d-", number) + copy.uuid
            copy.originalTime += Int64(number) * 1_000
            records.append(copy)
        }
        try store.save(records)
        let all = try store.records()
        let consoleFile = scratch.file("console." + format.rawValue)
        #expect(
            ConsoleSession.export(all, format: format, path: consoleFile, overwrite: false, store: store)
                == .written(path: consoleFile, count: all.count))
        #expect(all.count == records.count + seed.count)

        let commandFile = scratch.file("command." + format.rawValue)
        let started = Date()
        let command = try CommandRunner.run(
            ["export", "--format", format.rawValue, "-o", commandFile], environment: ["XDG_STATE_HOME": stateHome])
        let seconds = Date().timeIntervalSince(started)
        #expect(command.status == 0, "\(command.standardError)")
        #expect(
            seconds < Self.exportLimitSeconds, "exporting \(all.count) alerts as \(format.rawValue) took \(seconds) s")
        print("export-speed: \(all.count) alerts as \(format.rawValue) in \(String(format: "%.2f", seconds)) s")
        let consoleBytes = try Data(contentsOf: URL(fileURLWithPath: consoleFile))
        let commandBytes = try Data(contentsOf: URL(fileURLWithPath: commandFile))
        #expect(consoleBytes == commandBytes)
    }
}
