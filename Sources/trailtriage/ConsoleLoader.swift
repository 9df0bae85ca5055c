import Alerts
import CloudTrailReader
import DetectionEngine
import DetectionRules
import ECSMapping
import RelatedActivity
import TriageModel

/// What the console does to open logs: scan them, index every event for related activity, and
/// turn the alerts into records. Shared by the console and its benchmark, so the benchmark
/// measures exactly what an analyst waits for.
enum ConsoleLoader {
    struct Loaded {
        var records: [AlertRecord]
        var summary: ScanSummary
        var eventCount: Int
    }

    static func load(
        inputs: [String], ruleSet: RuleSet, limits: ReadLimits = ReadLimits(),
        progress: (@Sendable (ScanProgress) -> Void)? = nil
    ) -> Loaded {
        let configuration = ScanConfiguration(
            ruleSet: ruleSet, workerCount: ProcessorCount.current,
            mapperOptions: ECSMapperOptions(enrichment: ECSEnrichment(userAgents: UserAgentParser.system())),
            readLimits: limits)
        let (result, builder) = DetectionScan.run(
            paths: inputs, configuration: configuration, accumulating: EventIndexBuilder.self, progress: progress)
        let index = builder.build()
        var perRule: [String: (guide: GuideSnapshot, mitre: [MITRETechnique])] = [:]
        for compiled in ruleSet.rules where perRule[compiled.rule.ruleID] == nil {
            perRule[compiled.rule.ruleID] = (
                GuideSnapshot(rule: compiled.rule), MITRETechnique.from(compiled.rule.threat)
            )
        }
        let records = result.alerts.map { alert in
            let rule = perRule[alert.rule.ruleID]
            return AlertRecord(
                alert: alert, guide: rule?.guide ?? GuideSnapshot(), mitre: rule?.mitre ?? [], index: index)
        }
        return Loaded(records: records, summary: result.summary, eventCount: index.count)
    }
}
