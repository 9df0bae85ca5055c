import Alerts
import CloudTrailReader
import ConsoleUI
import DetectionEngine
import DetectionRules
import ECSMapping
import RelatedActivity
import Synchronization
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
        /// Every loaded rule, with its alert count.
        var rules: [RuleStatus]
    }

    /// Where the loader reports its stages; each is called on the loading thread or a scan worker.
    struct Stages: Sendable {
        var progress: (@Sendable (ScanProgress) -> Void)?
        /// Rows for each file's query-rule matches as the file finishes.
        var provisional: (@Sendable ([ProvisionalAlert]) -> Void)?
        /// The decided alerts, in report order, before their related activity is in.
        var decided: (@Sendable ([AlertRecord], ScanSummary) -> Void)?
        /// The loaded rules: once before the scan (no alert counts yet), again once it has decided.
        var rules: (@Sendable ([RuleStatus]) -> Void)?

        init(
            progress: (@Sendable (ScanProgress) -> Void)? = nil,
            provisional: (@Sendable ([ProvisionalAlert]) -> Void)? = nil,
            rules: (@Sendable ([RuleStatus]) -> Void)? = nil,
            decided: (@Sendable ([AlertRecord], ScanSummary) -> Void)? = nil
        ) {
            self.progress = progress
            self.provisional = provisional
            self.decided = decided
            self.rules = rules
        }
    }

    static func load(
        inputs: [String], ruleSet: RuleSet, limits: ReadLimits = ReadLimits(),
        enrichment: ECSEnrichment = ECSEnrichment(userAgents: UserAgentParser.system()), stages: Stages = Stages()
    ) -> Loaded {
        let configuration = ScanConfiguration(
            ruleSet: ruleSet, workerCount: ProcessorCount.current,
            mapperOptions: ECSMapperOptions(enrichment: enrichment),
            readLimits: limits)
        let coverage = RuleCoverage.assess(ruleSet, enrichment: configuration.mapperOptions.enrichment)
        stages.rules?(ruleStatuses(coverage, summary: nil))
        var perRule: [String: (guide: GuideSnapshot, mitre: [MITRETechnique])] = [:]
        for compiled in ruleSet.rules where perRule[compiled.rule.ruleID] == nil {
            perRule[compiled.rule.ruleID] = (
                GuideSnapshot(rule: compiled.rule), MITRETechnique.from(compiled.rule.threat)
            )
        }
        let guides = perRule
        // The alert records are made as soon as the alerts are decided, while the scan is still
        // merging its workers' events into one index: the console lists them meanwhile.
        let listed = Mutex<(records: [AlertRecord], anchors: [EventSummary], summary: ScanSummary?)>(([], [], nil))
        let (result, builder) = DetectionScan.run(
            paths: inputs, configuration: configuration, accumulating: EventIndexBuilder.self,
            progress: stages.progress, provisional: stages.provisional,
            decided: { result in
                var records: [AlertRecord] = []
                var anchors: [EventSummary] = []
                records.reserveCapacity(result.alerts.count)
                anchors.reserveCapacity(result.alerts.count)
                for alert in result.alerts {
                    let rule = guides[alert.rule.ruleID]
                    records.append(
                        AlertRecord(
                            alert: alert, guide: rule?.guide ?? GuideSnapshot(), mitre: rule?.mitre ?? [],
                            index: nil))
                    anchors.append(EventSummary(document: alert.document))
                }
                stages.rules?(ruleStatuses(coverage, summary: result.summary))
                stages.decided?(records, result.summary)
                let made = (records, anchors, Optional(result.summary))
                listed.withLock { $0 = made }
            })
        let made = listed.withLock { listed in
            defer { listed = ([], [], nil) }
            return listed
        }
        var records = made.records
        let anchors = made.anchors
        let rules = ruleStatuses(coverage, summary: result.summary)
        let index = builder.build()
        for position in records.indices {
            records[position].relate(anchors[position], in: index)
        }
        return Loaded(records: records, summary: result.summary, eventCount: index.count, rules: rules)
    }

    /// The rules view's rows: each rule's coverage, with the alerts the scan gave for it once
    /// `summary` is there (a rule that did not run has none to count).
    static func ruleStatuses(_ coverage: [RuleCoverage], summary: ScanSummary?) -> [RuleStatus] {
        let counts = Dictionary(
            (summary?.rules ?? []).map { ($0.ruleID, $0) }, uniquingKeysWith: { first, _ in first })
        return coverage.map { rule in
            let run: RuleStatus.Run
            switch rule.status {
            case .runs: run = .ran
            case .runsWithoutData(let reasons): run = .ranWithoutData(reasons)
            case .notRun(let reason): run = .notRun(reason)
            }
            let count = rule.runs ? counts[rule.ruleID] : nil
            return RuleStatus(
                ruleID: rule.ruleID, name: rule.name, type: rule.type, severity: rule.severity, run: run,
                alerts: count?.alerts ?? (summary != nil && rule.runs ? 0 : nil),
                droppedByMaxSignals: count?.droppedByMaxSignals ?? 0)
        }
    }
}
