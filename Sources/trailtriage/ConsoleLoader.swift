import Alerts
import CloudTrailReader
import DetectionEngine
import DetectionRules
import ECSMapping
import RelatedActivity
import TriageModel

/// What the console does to open logs: scan them, list the alerts, index every event for related
/// activity, and fill that in. Shared by the console and its benchmark, so the benchmark
/// measures exactly what an analyst waits for.
///
/// The stages are reported as they finish, so the console shows each as early as it can: rows
/// for query-rule matches while files are read, the decided alerts as soon as the scan has
/// decided (before the index), then the same alerts with their related activity.
enum ConsoleLoader {
    struct Loaded {
        /// The alerts with their related activity.
        var records: [AlertRecord]
        var summary: ScanSummary
        var eventCount: Int
    }

    /// Where the loader reports its stages; each is called on the loading thread or a scan worker.
    struct Stages: Sendable {
        var progress: (@Sendable (ScanProgress) -> Void)?
        /// Rows for each file's query-rule matches as the file finishes.
        var provisional: (@Sendable ([ProvisionalAlert]) -> Void)?
        /// The decided alerts, in report order, before their related activity is in.
        var decided: (@Sendable ([AlertRecord], ScanSummary) -> Void)?

        init(
            progress: (@Sendable (ScanProgress) -> Void)? = nil,
            provisional: (@Sendable ([ProvisionalAlert]) -> Void)? = nil,
            decided: (@Sendable ([AlertRecord], ScanSummary) -> Void)? = nil
        ) {
            self.progress = progress
            self.provisional = provisional
            self.decided = decided
        }
    }

    static func load(
        inputs: [String], ruleSet: RuleSet, limits: ReadLimits = ReadLimits(), stages: Stages = Stages()
    ) -> Loaded {
        let configuration = ScanConfiguration(
            ruleSet: ruleSet, workerCount: ProcessorCount.current,
            mapperOptions: ECSMapperOptions(enrichment: ECSEnrichment(userAgents: UserAgentParser.system())),
            readLimits: limits)
        let (result, builder) = DetectionScan.run(
            paths: inputs, configuration: configuration, accumulating: EventIndexBuilder.self,
            progress: stages.progress, provisional: stages.provisional)
        var perRule: [String: (guide: GuideSnapshot, mitre: [MITRETechnique])] = [:]
        for compiled in ruleSet.rules where perRule[compiled.rule.ruleID] == nil {
            perRule[compiled.rule.ruleID] = (
                GuideSnapshot(rule: compiled.rule), MITRETechnique.from(compiled.rule.threat)
            )
        }
        var records: [AlertRecord] = []
        var anchors: [EventSummary] = []
        records.reserveCapacity(result.alerts.count)
        anchors.reserveCapacity(result.alerts.count)
        for alert in result.alerts {
            let rule = perRule[alert.rule.ruleID]
            records.append(
                AlertRecord(
                    alert: alert, guide: rule?.guide ?? GuideSnapshot(), mitre: rule?.mitre ?? [], index: nil))
            anchors.append(EventSummary(document: alert.document))
        }
        stages.decided?(records, result.summary)
        let index = builder.build()
        for position in records.indices {
            records[position].relate(anchors[position], in: index)
        }
        return Loaded(records: records, summary: result.summary, eventCount: index.count)
    }
}
