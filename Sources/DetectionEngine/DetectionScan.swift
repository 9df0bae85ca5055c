import Alerts
import CloudTrailReader
import DetectionRules
import Dispatch
import ECSMapping
import RelatedActivity
import Synchronization

/// Runs rules over CloudTrail inputs and produces alerts.
///
/// Files are independent until the end, so workers take files from a shared counter and each
/// decompresses, frames and evaluates its own; only rule matches are merged. Deciding which
/// matches become alerts (deduplication, new terms, max_signals) happens after all files are
/// read, so the answer does not depend on file order or on which worker was faster.
public enum DetectionScan {
    /// Scans `paths` (files, directories, `-`) with `configuration`.
    public static func run(
        paths: [String],
        configuration: ScanConfiguration,
        progress: (@Sendable (ScanProgress) -> Void)? = nil
    ) -> ScanResult {
        run(paths: paths, configuration: configuration, accumulating: NoEventAccumulator.self, progress: progress).result
    }

    /// Scans `paths` and also hands a digest of every event read to an `Accumulator`.
    public static func run<Accumulator: EventAccumulator>(
        paths: [String],
        configuration: ScanConfiguration,
        accumulating: Accumulator.Type,
        progress: (@Sendable (ScanProgress) -> Void)? = nil
    ) -> (result: ScanResult, events: Accumulator) {
        let started = DispatchTime.now()
        let discovery = InputDiscovery.discover(paths)
        var (result, events) = run(files: discovery.files, configuration: configuration, accumulating: Accumulator.self, progress: progress)
        result.summary.issues.insert(contentsOf: discovery.issues, at: 0)
        result.summary.filesSkipped += discovery.issues.filter { $0.kind == .skippedFile }.count
        result.summary.filesUnreadable += discovery.issues.filter { $0.kind == .unreadableFile }.count
        result.summary.elapsedSeconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return (result, events)
    }

    /// Scans already-discovered inputs.
    static func run<Accumulator: EventAccumulator>(
        files: [InputFile],
        configuration: ScanConfiguration,
        accumulating: Accumulator.Type,
        progress: (@Sendable (ScanProgress) -> Void)? = nil
    ) -> (ScanResult, Accumulator) {
        let rules = configuration.ruleSet.rules
        // Read and ingest times are left out unless asked for: they would make the same input
        // give different output on every run.
        let evaluator = RecordEvaluator(
            rules: rules, mapper: ECSMapper(options: configuration.mapperOptions),
            usesPrefilter: configuration.usesPrefilter, readLimits: configuration.readLimits)

        let shared = Mutex(SharedScanState(fileCount: files.count))
        let workers = min(configuration.workerCount, max(files.count, 1))
        let accumulators = Mutex([Accumulator?](repeating: nil, count: workers))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var digests = Accumulator()
            defer {
                let finished = digests
                accumulators.withLock { $0[worker] = finished }
            }
            while true {
                let next: Int? = shared.withLock { state in
                    guard state.nextFile < files.count else { return nil }
                    defer { state.nextFile += 1 }
                    return state.nextFile
                }
                guard let index = next else { return }
                let outcome = evaluator.evaluate(files[index], digests: &digests)
                let snapshot = shared.withLock { state in
                    state.outcomes[index] = outcome
                    state.filesDone += 1
                    state.recordsRead += outcome.records
                    state.matches += outcome.matches.reduce(0) { $0 + $1.count }
                    return ScanProgress(filesDone: state.filesDone, filesTotal: files.count, recordsRead: state.recordsRead, matches: state.matches)
                }
                progress?(snapshot)
            }
        }

        let outcomes = shared.withLock { $0.outcomes }
        var summary = ScanSummary()
        var matchesByRule: [[RuleMatch]] = Array(repeating: [], count: rules.count)
        for case let outcome? in outcomes {
            summary.issues.append(contentsOf: outcome.issues)
            if outcome.wasUnreadable && outcome.records == 0 {
                summary.filesUnreadable += 1
            } else if outcome.wasSkipped {
                summary.filesSkipped += 1
            } else {
                summary.filesRead += 1
            }
            summary.recordsRead += outcome.records
            summary.recordsMalformed += outcome.malformed
            summary.recordsEvaluated += outcome.evaluated
            summary.bytesCompressed += outcome.bytesCompressed
            summary.bytesDecompressed += outcome.bytesDecompressed
            for (index, matches) in outcome.matches.enumerated() {
                matchesByRule[index].append(contentsOf: matches)
            }
        }

        // Before deciding: an eventID shared by different content must not pass for a re-delivery.
        let conflicts = EventIDConflicts(matches: matchesByRule)
        matchesByRule = conflicts.resolving(matchesByRule)
        summary.issues.append(contentsOf: conflicts.issues)
        summary.eventIDConflicts = conflicts.recordCount

        var pending: [PendingAlert] = []
        var duplicateKeys: Set<String> = []
        for (index, rule) in rules.enumerated() {
            let decider = AlertDecider(rule: rule, appliesMaxSignals: configuration.appliesMaxSignals)
            let decided = decider.alerts(from: matchesByRule[index])
            matchesByRule[index] = []  // the kept matches live on in `pending`; free the rest now
            pending.append(contentsOf: decided.alerts)
            duplicateKeys.formUnion(decided.duplicateEventKeys)
            summary.rules.append(ScanSummary.RuleCount(
                ruleID: rule.rule.ruleID, name: rule.rule.name,
                alerts: decided.alerts.count, droppedByMaxSignals: decided.droppedByMaxSignals
            ))
        }
        summary.duplicateEvents = duplicateKeys.count
        pending.sort(by: PendingAlert.reportOrder)
        let alerts = buildAlerts(pending, evaluator: evaluator, workers: configuration.workerCount)
        var events = Accumulator()
        for case let part? in accumulators.withLock({ $0 }) {
            events.merge(part)
        }
        return (ScanResult(alerts: alerts, summary: summary), events)
    }
}

extension DetectionScan {
    /// Maps the kept alerts' records into their documents, on the scan's workers; order is kept.
    static func buildAlerts(_ pending: [PendingAlert], evaluator: RecordEvaluator, workers: Int) -> [Alert] {
        let built = Mutex([Alert?](repeating: nil, count: pending.count))
        let chunk = 256
        let chunks = (pending.count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: min(max(workers, 1), max(chunks, 1))) { worker in
            var next = worker
            while next < chunks {
                let range = (next * chunk)..<min(pending.count, (next + 1) * chunk)
                let alerts = range.map { position -> Alert? in
                    let alert = pending[position]
                    // The record mapped when it matched, so it maps again; a failure cannot happen.
                    guard let document = evaluator.alertDocument(alert.match.record) else { return nil }
                    return Alert(
                        uuid: alert.uuid, rule: alert.rule, originalTime: alert.match.time, newTerms: alert.newTerms,
                        document: document, location: alert.match.location, eventKey: alert.match.eventKey
                    )
                }
                built.withLock { slots in
                    for (position, alert) in zip(range, alerts) { slots[position] = alert }
                }
                next += min(max(workers, 1), max(chunks, 1))
            }
        }
        return built.withLock { $0.compactMap { $0 } }
    }
}

/// State the workers share, always accessed under the scan's mutex.
struct SharedScanState: Sendable {
    var nextFile = 0
    var filesDone = 0
    var recordsRead = 0
    var matches = 0
    var outcomes: [FileOutcome?]

    init(fileCount: Int) {
        outcomes = Array(repeating: nil, count: fileCount)
    }
}
