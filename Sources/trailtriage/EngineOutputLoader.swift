import Alerts
import ConsoleUI
import DetectionEngine
import DetectionRules
import ECSMapping
import Foundation
import RelatedActivity
import SQLCompiler
import TrailTriageJSON
import TriageModel

/// What the console does to open an engine's output (`trailtriage --alerts DIR`): the alerts the
/// Spark job (or a compiled SQL run) returned, rebuilt as `scan` would make them and re-checked
/// against their raw records, with related activity from the records the engine returned
/// around each alerted actor.
///
/// The alerts keep the engine's ids, which are the ids `scan` computes, so triage recorded on a
/// local scan of the same events shows on them and the other way round.
enum EngineOutputLoader {
    struct Loaded {
        var console: ConsoleLoader.Loaded
        /// Each alert's raw CloudTrail record by alert id, for the raw view: the engine may have
        /// read it from a place this machine cannot (an `s3a://` URL).
        var originalRecords: [String: String]
        /// Lines that could not be used and re-check disagreements, each naming file and line or alert.
        var problems: [String]
    }

    /// The file the alerts are read from in `directory`: `records.ndjson` (what `trailtriage
    /// spark` leaves), else the job's own `engine-alerts.ndjson`; `nil` when neither is there.
    static func alertsFile(in directory: String) -> (path: String, fromRecords: Bool)? {
        let records = directory + "/records.ndjson"
        if FileManager.default.fileExists(atPath: records) { return (records, true) }
        let engine = directory + "/engine-alerts.ndjson"
        if FileManager.default.fileExists(atPath: engine) { return (engine, false) }
        return nil
    }

    static func load(
        directory: String, ruleSet: RuleSet, enrichment: ECSEnrichment, stages: ConsoleLoader.Stages = .init(),
        originalRecords: (@Sendable ([String: String]) -> Void)? = nil
    ) -> Loaded {
        let mapper = ECSMapper(options: ECSMapperOptions(enrichment: enrichment))
        let rules = ruleSet.rules.map(\.rule) + ruleSet.unsupported
        let coverage = RuleCoverage.assess(ruleSet, enrichment: enrichment)
        let engineRules = Self.engineRuleIDs(in: directory)
        stages.rules?(ruleStatuses(coverage, engineRules: engineRules, counts: nil))

        var problems: [String] = []
        var checked: [EngineAlertBuilder.Checked] = []
        var lines: [EngineAlertLine] = []
        if let file = alertsFile(in: directory) {
            do {
                let loaded = try EngineOutputFiles.load(
                    directory: directory, rules: rules, mapper: mapper, fromRecords: file.fromRecords)
                checked = loaded.checked
                lines = loaded.lines
                problems += loaded.problems
            } catch {
                problems.append("\(error)")
            }
        } else {
            problems.append("\(directory) has neither records.ndjson nor engine-alerts.ndjson")
        }
        var order = Array(checked.indices)
        order.sort { Alert.reportOrder(checked[$0].alert, checked[$1].alert) }

        var guides: [String: (guide: GuideSnapshot, mitre: [MITRETechnique])] = [:]
        for rule in rules where guides[rule.ruleID] == nil {
            guides[rule.ruleID] = (GuideSnapshot(rule: rule), MITRETechnique.from(rule.threat))
        }
        var records: [AlertRecord] = []
        var anchors: [EventSummary] = []
        var originals: [String: String] = [:]
        var counts: [String: Int] = [:]
        for position in order {
            let alert = checked[position].alert
            let rule = guides[alert.rule.ruleID]
            records.append(
                AlertRecord(alert: alert, guide: rule?.guide ?? GuideSnapshot(), mitre: rule?.mitre ?? [], index: nil))
            anchors.append(EventSummary(document: alert.document))
            originals[alert.uuid] = lines[position].recordText
            counts[alert.rule.ruleID, default: 0] += 1
            for disagreement in checked[position].disagreements {
                problems.append("alert \(alert.uuid) (\(alert.rule.name)): \(disagreement)")
            }
        }
        // An engine run reads no files here, so there is nothing to summarise.
        let summary = ScanSummary()
        let statuses = ruleStatuses(coverage, engineRules: engineRules, counts: counts)
        stages.rules?(statuses)
        originalRecords?(originals)
        stages.decided?(records, summary)

        // Related activity: the records the engine returned around each alerted actor, and the
        // alerts' own records (the builder keeps one of each event).
        var builder = EventIndexBuilder()
        for record in records { builder.add(document: record.document) }
        let contextPath = directory + "/context.ndjson"
        if let data = FileManager.default.contents(atPath: contextPath) {
            var number = 0
            for text in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                number += 1
                guard !text.isEmpty else { continue }
                do {
                    let value = try JSONParser.parse(Array(text))
                    let original = String(decoding: text, as: UTF8.self)
                    builder.add(document: try mapper.map(value, originalText: original).document)
                } catch {
                    problems.append("\(contextPath): line \(number) cannot be used: \(error)")
                }
            }
        } else {
            problems.append("\(contextPath) is missing: related activity shows only the alerts' own events")
        }
        let index = builder.build()
        for position in records.indices {
            records[position].relate(anchors[position], in: index)
        }
        return Loaded(
            console: ConsoleLoader.Loaded(records: records, summary: summary, eventCount: index.count, rules: statuses),
            originalRecords: originals, problems: problems)
    }

    /// The status line once the alerts are in: how many, and how many the re-check disputes.
    static func summaryLine(directory: String, records: [AlertRecord]) -> String {
        let disagreeing = records.filter { !$0.recheckDisagreements.isEmpty }.count
        return
            "engine output \(directory): \(records.count) alerts, \(disagreeing) disagree on re-check (! in the list)"
    }

    /// The rule ids of `engine-rules.json` (what `trailtriage spark` gave the job), or `nil`
    /// when the directory does not say which rules ran.
    static func engineRuleIDs(in directory: String) -> Set<String>? {
        guard let data = FileManager.default.contents(atPath: directory + "/engine-rules.json"),
            let entries = (try? JSONParser.parse([UInt8](data)))?.arrayValue
        else { return nil }
        return Set(entries.compactMap { $0.objectValue?["rule_id"]?.stringValue })
    }

    /// The rules view's rows: a rule ran when the engine was given it (all loaded rules when the
    /// output does not say), and it counts the alerts the engine returned for it.
    static func ruleStatuses(_ coverage: [RuleCoverage], engineRules: Set<String>?, counts: [String: Int]?)
        -> [RuleStatus]
    {
        coverage.map { rule in
            let ran = engineRules?.contains(rule.ruleID) ?? rule.runs
            let run: RuleStatus.Run
            if !ran {
                var reason = "not among the rules the engine ran (engine-rules.json)"
                if case .notRun(let local) = rule.status { reason += "; locally: " + local }
                run = .notRun(reason)
            } else {
                switch rule.status {
                case .runs, .notRun: run = .ran
                case .runsWithoutData(let reasons): run = .ranWithoutData(reasons)
                }
            }
            return RuleStatus(
                ruleID: rule.ruleID, name: rule.name, type: rule.type, severity: rule.severity, run: run,
                alerts: ran ? counts.map { $0[rule.ruleID] ?? 0 } : nil)
        }
    }
}
