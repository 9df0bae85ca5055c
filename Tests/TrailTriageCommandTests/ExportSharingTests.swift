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
}
