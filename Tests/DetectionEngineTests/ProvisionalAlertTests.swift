import Alerts
import CloudTrailGenerator
import DetectionRules
import ECSMapping
import Foundation
import RelatedActivity
import Synchronization
import TestSupport
import Testing

@testable import DetectionEngine

/// A console lists query-rule matches while the scan runs; once the scan decides, those rows
/// must turn out to be the query alerts it decided, with the same ids and the same row fields.
@Suite struct ProvisionalAlertTests {
    /// Counts digests, so a scan takes the path a console's scan takes (every candidate mapped).
    struct CountingAccumulator: EventAccumulator {
        static let actionsNeedingDocuments = EventIndexBuilder.actionsNeedingDocuments
        var count = 0
        mutating func add(_ digest: EventSummary) { count += 1 }
        mutating func merge(_ other: CountingAccumulator) { count += other.count }
    }

    private func streamed<Accumulator: EventAccumulator>(
        _ paths: [String], rules: RuleSet, maxSignals: Bool, accumulating: Accumulator.Type
    ) -> (result: ScanResult, rows: [ProvisionalAlert]) {
        let rows = Mutex<[ProvisionalAlert]>([])
        let configuration = ScanConfiguration(ruleSet: rules, appliesMaxSignals: maxSignals)
        let (result, _) = DetectionScan.run(
            paths: paths, configuration: configuration, accumulating: Accumulator.self,
            provisional: { batch in rows.withLock { $0.append(contentsOf: batch) } })
        return (result, rows.withLock { $0 })
    }

    private func inputs(in directory: ScratchDirectory) throws -> (paths: [String], rules: RuleSet) {
        let generator = CloudTrailGenerator(
            configuration: GeneratorConfiguration(events: 2_000, seed: 5, days: 3, accounts: 2))
        _ = try generator.write(to: directory.path + "/generated")
        guard FastPathEquivalenceTests.hasPack else {
            print("../shared/corpus/elastic-detection-rules-aws is absent: checking the bundled rules only")
            return ([directory.path + "/generated"], RuleSet.load(paths: [RepositoryPaths.bundledRules]))
        }
        let rules = RuleSet.load(paths: [FastPathEquivalenceTests.packDirectory, RepositoryPaths.bundledRules])
        try directory.write("aimed/pack.ndjson", PackRecords.lines(for: rules.rules).joined(separator: "\n") + "\n")
        return ([directory.path + "/generated", directory.path + "/aimed/pack.ndjson"], rules)
    }

    /// Single-event rules stream their matches as rows: query rules and single-event EQL rules.
    /// new_terms, threshold, sequences and ES|QL are known only once every file is read.
    static func isStreamed(_ alert: Alert) -> Bool {
        alert.rule.type == .query || (alert.rule.type == .eql && alert.group == nil)
    }

    @Test func streamedQueryMatchesAreTheDecidedQueryAlerts() throws {
        let directory = try ScratchDirectory()
        let (paths, rules) = try inputs(in: directory)
        let plain = DetectionScan.run(paths: paths, configuration: ScanConfiguration(ruleSet: rules))
        for accumulating in [NoEventAccumulator.self, CountingAccumulator.self] as [any EventAccumulator.Type] {
            func check<Accumulator: EventAccumulator>(_ type: Accumulator.Type) {
                let (result, rows) = streamed(paths, rules: rules, maxSignals: false, accumulating: type)
                let decided = result.alerts.filter(Self.isStreamed)
                #expect(
                    !decided.isEmpty && result.alerts.count > decided.count, "streamed and decided-only alerts fire")
                let streamedIDs = Set(rows.map(\.uuid))
                let decidedIDs = Set(decided.map(\.uuid))
                let only = (
                    streamed: streamedIDs.subtracting(decidedIDs).count,
                    decided: decidedIDs.subtracting(streamedIDs).count
                )
                #expect(only.streamed == 0 && only.decided == 0, "\(Accumulator.self): \(only)")
                #expect(!rows.contains { $0.rule.type != .query && $0.rule.type != .eql })
                // A row shows what the decided alert's row will show.
                let byUUID = Dictionary(rows.map { ($0.uuid, $0) }, uniquingKeysWith: { first, _ in first })
                for alert in decided {
                    guard let row = byUUID[alert.uuid] else { continue }
                    let document = alert.document
                    let expected = ProvisionalAlert(
                        uuid: alert.uuid, rule: alert.rule, time: alert.originalTime,
                        actor: document.string(at: "aws.cloudtrail.user_identity.arn") ?? "",
                        action: document.string(at: "event.action") ?? "",
                        account: document.string(at: "cloud.account.id") ?? "",
                        region: document.string(at: "cloud.region") ?? "")
                    if row != expected {
                        Issue.record("row of \(alert.rule.name) differs: \(row) against \(expected)")
                        break
                    }
                }
                // With max_signals the decided query alerts are among the rows, and the scan's
                // answer is the plain scan's.
                let capped = streamed(paths, rules: rules, maxSignals: true, accumulating: type)
                let cappedIDs = Set(capped.result.alerts.filter(Self.isStreamed).map(\.uuid))
                #expect(cappedIDs.subtracting(capped.rows.map(\.uuid)).isEmpty)
                #expect(capped.result.alerts.map(\.uuid) == plain.alerts.map(\.uuid))
            }
            check(accumulating)
        }
    }
}
