import Alerts
import DetectionEngine
import DetectionRules
import ECSMapping
import Foundation
import RelatedActivity
import TestSupport
import Testing
import TrailTriageJSON
import TriageModel

@testable import TriageStore

/// `trailtriage export` works from the triage database alone and never lets log or note text
/// forge structure in its output.
@Suite struct ExportCommandTests {
    /// A database holding the fixture alerts, with one triaged alert carrying hostile notes.
    private func triagedDatabase(in directory: ScratchDirectory) throws -> (path: String, triaged: String) {
        let rules = RuleSet.load(paths: [RepositoryPaths.bundledRules])
        let (result, builder) = DetectionScan.run(
            paths: [RepositoryPaths.fixtures + "/seed-rules"], configuration: ScanConfiguration(ruleSet: rules),
            accumulating: EventIndexBuilder.self)
        let index = builder.build()
        let ruleByID = Dictionary(uniqueKeysWithValues: rules.rules.map { ($0.rule.ruleID, $0.rule) })
        let records = result.alerts.map { AlertRecord(alert: $0, rule: ruleByID[$0.rule.ruleID], index: index) }
        let path = directory.file("state.sqlite")
        let store = try TriageStore(path: path)
        try store.save(records)
        let profile = try #require(result.alerts.first { $0.document.string(at: "event.action") == "CreateProfile" })
        try store.apply(
            .setNotes("# Not a heading\n- [x] not a checkbox\n[link](http://evil.example)\u{1B}[31m"),
            to: [profile.uuid], analyst: "dana", time: 1_773_133_200_000)
        try store.apply(
            .setStepDone(StepKey(index: 0, title: "x"), true), to: [profile.uuid], analyst: "dana",
            time: 1_773_133_201_000)
        try store.apply(
            .close(.truePositive, reason: "rogue profile"), to: [profile.uuid], analyst: "dana", time: 1_773_133_202_000
        )
        return (path, profile.uuid)
    }

    /// A record made from a scan alert keeps the scan's document instead of rebuilding it from
    /// the flat alert JSON, and still reads the same as the record the store gives back.
    @Test func recordsKeepTheScanDocumentAndAgreeWithTheStoredForm() throws {
        let rules = RuleSet.load(paths: [RepositoryPaths.bundledRules])
        let (result, builder) = DetectionScan.run(
            paths: [RepositoryPaths.fixtures + "/seed-rules"], configuration: ScanConfiguration(ruleSet: rules),
            accumulating: EventIndexBuilder.self)
        let index = builder.build()
        let ruleByID = Dictionary(uniqueKeysWithValues: rules.rules.map { ($0.rule.ruleID, $0.rule) })
        #expect(!result.alerts.isEmpty)
        for alert in result.alerts {
            let record = AlertRecord(alert: alert, rule: ruleByID[alert.rule.ruleID], index: index)
            #expect(record.document == alert.document, "\(alert.uuid)")
            let stored = try #require(AlertRecord(uuid: record.uuid, storageJSON: record.storageJSON))
            #expect(stored.keyParameters == record.keyParameters)
            #expect(stored.actor == record.actor)
            #expect(stored.source == record.source)
            #expect(stored.highlightedFields.map(\.values) == record.highlightedFields.map(\.values))
        }
    }

    @Test func jsonExportHasOneObjectPerAlertWithTriageFields() throws {
        let directory = try ScratchDirectory()
        let (path, triaged) = try triagedDatabase(in: directory)
        let outcome = try CommandRunner.run(["export", "--db", path, "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let array = try #require(try JSONParser.parse(outcome.standardOutput).arrayValue)
        #expect(array.count == 5)
        let closed = try #require(array.compactMap(\.objectValue).first { $0["kibana.alert.uuid"] == .string(triaged) })
        #expect(closed["kibana.alert.workflow_status"] == .string("closed"))
        #expect(closed["triage.disposition"] == .string("true_positive"))
        #expect(closed["kibana.alert.rule.rule_id"] == .string("1d4ca9c0-ff1e-11ee-91cc-f661ea17fbce"))
        #expect(closed["triage.reviewed"] != nil)
        #expect(closed["triage.checklist"] != nil)
        #expect((closed["triage.audit"]?.arrayValue?.count ?? 0) >= 3)
        #expect(closed["event.action"] == .string("CreateProfile"))
        #expect(!outcome.standardOutput.unicodeScalars.contains("\u{1B}"))

        let onlyClosed = try CommandRunner.run(["export", "--db", path, "--format", "json", "--status", "closed"])
        #expect(try JSONParser.parse(onlyClosed.standardOutput).arrayValue?.count == 1)
    }

    @Test func markdownExportCannotBeForgedAndFilesAreProtected() throws {
        let directory = try ScratchDirectory()
        let (path, _) = try triagedDatabase(in: directory)
        let target = directory.file("case.md")
        let outcome = try CommandRunner.run(["export", "--db", path, "--status", "closed", "-o", target])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let text = try String(contentsOfFile: target, encoding: .utf8)
        #expect(text.contains("AWS IAM Roles Anywhere Profile Creation"))
        #expect(text.contains("rogue profile"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!lines.contains { $0.hasPrefix("# Not a heading") })
        #expect(!lines.contains { $0.hasPrefix("- [x] not a checkbox") })
        #expect(!text.contains("[link](http://evil.example)"))
        #expect(!text.unicodeScalars.contains("\u{1B}"))
        let mode = (try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        let again = try CommandRunner.run(["export", "--db", path, "-o", target])
        #expect(again.status == 2)
        #expect(again.standardError.contains("already exists"))
    }

    @Test func aMissingDatabaseIsAClearError() throws {
        let outcome = try CommandRunner.run(["export", "--db", "/nonexistent/state.sqlite"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("no triage database at /nonexistent/state.sqlite"))
    }
}
