import Alerts
import CloudTrailReader
import ConsoleUI
import DetectionEngine
import ECSMapping
import Foundation
import RelatedActivity
import TestSupport
import Testing
import TrailTriageJSON
import TriageModel

@testable import trailtriage

/// `trailtriage --alerts DIR`: an engine's alerts come back with scan's ids, re-checked against
/// their raw records, with related activity from the context the engine returned.
@Suite struct EngineOutputLoaderTests {
    static let fixture = RepositoryPaths.fixtures + "/seed-rules"

    /// The scan's alerts on the seed fixture, written as the Spark job's `records.ndjson` lines
    /// (each with its raw record), and every fixture record as `context.ndjson`.
    static func engineOutput(in scratch: ScratchDirectory) throws -> (directory: String, scan: [Alert]) {
        let rules = RuleSet.load(paths: [RepositoryPaths.bundledRules])
        let scan = DetectionScan.run(paths: [fixture], configuration: ScanConfiguration(ruleSet: rules)).alerts
        try #require(scan.count >= 2)
        let writer = JSONWriter()
        var lines: [String] = []
        var context: [String] = []
        for alert in scan {
            let record = try OriginalRecordReader.read(
                file: alert.location.file, index: alert.location.index, limits: ReadLimits()
            ).get()
            let line = JSONValue.object([
                "alert_uuid": .string(alert.uuid), "rule_id": .string(alert.rule.ruleID),
                "event_key": .string(alert.eventKey), "event_time_ms": .number(String(alert.originalTime)),
                "new_terms": .array((alert.newTerms ?? []).map(JSONValue.string)),
                "source_file": .string(alert.location.file), "record_index": .number(String(alert.location.index)),
                "record": record,
            ])
            lines.append(writer.string(from: line))
            context.append(writer.string(from: record))
        }
        let directory = scratch.file("engine")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = try scratch.write("engine/records.ndjson", lines.joined(separator: "\n") + "\n")
        _ = try scratch.write("engine/context.ndjson", context.joined(separator: "\n") + "\n")
        return (directory, scan)
    }

    static func load(_ directory: String) -> EngineOutputLoader.Loaded {
        EngineOutputLoader.load(
            directory: directory, ruleSet: RuleSet.load(paths: [RepositoryPaths.bundledRules]),
            enrichment: ECSEnrichment())
    }

    @Test func engineAlertsKeepScansIdsAndAgreeOnReCheck() throws {
        let scratch = try ScratchDirectory()
        let (directory, scan) = try Self.engineOutput(in: scratch)
        let loaded = Self.load(directory)
        let records = loaded.console.records
        #expect(Set(records.map(\.uuid)) == Set(scan.map(\.uuid)))
        #expect(records.allSatisfy { $0.recheckDisagreements.isEmpty }, "\(loaded.problems)")
        #expect(loaded.problems.isEmpty, "\(loaded.problems)")
        // Related activity comes from the returned context and holds the alert's own event.
        let first = try #require(records.first { !$0.isGroupAlert })
        #expect(first.relatedActivity.contains { $0.isAlertEvent })
        // The raw view shows the engine's record even where its file cannot be read here.
        let original = try #require(loaded.originalRecords[first.uuid])
        #expect(original.contains("\"eventName\""))
        #expect(EngineOutputLoader.summaryLine(directory: "d", records: records).contains("0 disagree"))
    }

    @Test func aTamperedRecordIsFlaggedAndABadLineIsNamed() throws {
        let scratch = try ScratchDirectory()
        let (directory, scan) = try Self.engineOutput(in: scratch)
        let path = directory + "/records.ndjson"
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        // The engine claims the first alert's rule matched a record whose action it does not.
        let first = try #require(try JSONParser.parse(lines[0]).objectValue)
        let firstUUID = try #require(first["alert_uuid"]?.stringValue)
        var record = try #require(first["record"]?.objectValue)
        record["eventName"] = .string("ListBuckets")
        var tampered = first
        tampered["record"] = .object(record)
        lines[0] = JSONWriter().string(from: .object(tampered))
        lines.append("{not json")
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)

        let loaded = Self.load(directory)
        let records = loaded.console.records
        #expect(records.count == scan.count)
        let flagged = try #require(records.first { $0.uuid == firstUUID })
        #expect(flagged.recheckDisagreements.contains("the rule's query does not match this record"))
        #expect(records.filter { !$0.recheckDisagreements.isEmpty }.count == 1)
        #expect(loaded.problems.contains { $0.contains("records.ndjson: line \(lines.count)") })
        // The flag is in the stored form, so a reopened case and its export keep it.
        let stored = AlertRecord(
            uuid: flagged.uuid, rule: flagged.rule, originalTime: flagged.originalTime, flatJSON: flagged.flatJSON)
        #expect(stored.recheckDisagreements == flagged.recheckDisagreements)
        #expect(EngineOutputLoader.summaryLine(directory: "d", records: records).contains("1 disagree"))
    }

    @Test func theRulesViewSaysWhichRulesTheEngineRan() throws {
        let scratch = try ScratchDirectory()
        let (directory, scan) = try Self.engineOutput(in: scratch)
        let ran = try #require(scan.first?.rule.ruleID)
        _ = try scratch.write("engine/engine-rules.json", "[{\"rule_id\": \"\(ran)\", \"sql\": \"-\"}]")
        let rules = Self.load(directory).console.rules
        let engineRule = try #require(rules.first { $0.ruleID == ran })
        #expect(engineRule.run == .ran)
        #expect(engineRule.alerts == scan.filter { $0.rule.ruleID == ran }.count)
        let others = rules.filter { $0.ruleID != ran }
        #expect(!others.isEmpty)
        for rule in others {
            guard case .notRun(let reason) = rule.run else {
                Issue.record("\(rule.name) is shown as run")
                continue
            }
            #expect(reason.contains("not among the rules the engine ran"))
        }
    }

    @Test func aDirectoryWithoutEngineOutputIsRefusedWithTheReason() throws {
        let scratch = try ScratchDirectory()
        let empty = scratch.file("empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let result = try CommandRunner.run(["--alerts", empty])
        #expect(result.status != 0)
        #expect(result.standardError.contains("holds no engine output"))
    }
}
