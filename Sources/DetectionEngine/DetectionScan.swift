import Alerts
import CloudTrailReader
import DetectionRules
import Dispatch
import ECSMapping
import ESQL
import RelatedActivity
import Synchronization
import TrailTriageJSON

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
        run(paths: paths, configuration: configuration, accumulating: NoEventAccumulator.self, progress: progress)
            .result
    }

    /// Scans `paths` and also hands a digest of every event read to an `Accumulator`.
    ///
    /// With `provisional`, each file's query-rule matches are also handed over as the file
    /// finishes (on the worker that read it), as list rows for a console to show before the
    /// alerts are decided; see ``ProvisionalAlert`` for how they can differ from the result.
    /// `decided` gets the result as soon as the alerts are built, while the workers' event
    /// digests are still being merged into one accumulator (which the return value then holds).
    public static func run<Accumulator: EventAccumulator>(
        paths: [String],
        configuration: ScanConfiguration,
        accumulating: Accumulator.Type,
        progress: (@Sendable (ScanProgress) -> Void)? = nil,
        provisional: (@Sendable ([ProvisionalAlert]) -> Void)? = nil,
        decided: (@Sendable (ScanResult) -> Void)? = nil
    ) -> (result: ScanResult, events: Accumulator) {
        let started = DispatchTime.now()
        let discovery = InputDiscovery.discover(paths)
        let issues = discovery.issues
        let completed: @Sendable (ScanResult) -> ScanResult = { result in
            var result = result
            result.summary.issues.insert(contentsOf: issues, at: 0)
            result.summary.filesSkipped += issues.filter { $0.kind == .skippedFile }.count
            result.summary.filesUnreadable += issues.filter { $0.kind == .unreadableFile }.count
            result.summary.elapsedSeconds =
                Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            return result
        }
        var handOver: (@Sendable (ScanResult) -> Void)?
        if let decided {
            handOver = { result in decided(completed(result)) }
        }
        let (result, events) = run(
            files: discovery.files, configuration: configuration, accumulating: Accumulator.self, progress: progress,
            provisional: provisional, decided: handOver)
        return (completed(result), events)
    }

    /// Scans already-discovered inputs. `beforeSecondRead` runs once every file has been read
    /// and before any is read again (see ``RecordRereader``); tests use it to change files.
    static func run<Accumulator: EventAccumulator>(
        files: [InputFile],
        configuration: ScanConfiguration,
        accumulating: Accumulator.Type,
        progress: (@Sendable (ScanProgress) -> Void)? = nil,
        provisional: (@Sendable ([ProvisionalAlert]) -> Void)? = nil,
        decided: (@Sendable (ScanResult) -> Void)? = nil,
        beforeSecondRead: (() -> Void)? = nil
    ) -> (ScanResult, Accumulator) {
        let rules = configuration.ruleSet.rules
        // Read and ingest times are left out unless asked for: they would make the same input
        // give different output on every run.
        let evaluator = RecordEvaluator(
            rules: rules, mapper: ECSMapper(options: configuration.mapperOptions),
            usesPrefilter: configuration.usesPrefilter, readLimits: configuration.readLimits,
            streamsQueryMatches: provisional != nil, actionsNeedingDocuments: Accumulator.actionsNeedingDocuments)

        let shared = Mutex(SharedScanState(fileCount: files.count, ruleCount: rules.count))
        let workers = min(configuration.workerCount, max(files.count, 1))
        let perWorker = Mutex([(digests: Accumulator, terms: CombinationTerms)?](repeating: nil, count: workers))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var digests = Accumulator()
            var terms = CombinationTerms()
            var texts = ESQLTextInterner()
            defer {
                let finished = (digests, terms)
                perWorker.withLock { $0[worker] = finished }
            }
            while true {
                let next: Int? = shared.withLock { state in
                    guard state.nextFile < files.count else { return nil }
                    defer { state.nextFile += 1 }
                    return state.nextFile
                }
                guard let index = next else { return }
                var outcome = evaluator.evaluate(files[index], digests: &digests)
                if let provisional, !outcome.provisional.isEmpty {
                    provisional(outcome.provisional)
                    outcome.provisional = []
                }
                // Each distinct combination's values are kept once per worker, not once per file.
                terms.merge(outcome.matches.terms)
                outcome.matches.terms = CombinationTerms()
                // The matches join the scan's table now rather than wait in their file's outcome:
                // a table per file would cost an array per rule for each of thousands of files.
                var matches = outcome.matches
                outcome.matches = MatchTable(ruleCount: 0)
                for row in matches.preparedRows.indices { texts.share(&matches.preparedRows[row]) }
                let finished = outcome
                let snapshot = shared.withLock { state in
                    state.table.append(contentsOf: matches)
                    state.outcomes[index] = finished
                    state.filesDone += 1
                    state.recordsRead += finished.records
                    state.matches += matches.matchCount
                    return ScanProgress(
                        filesDone: state.filesDone, filesTotal: files.count, recordsRead: state.recordsRead,
                        matches: state.matches)
                }
                progress?(snapshot)
            }
        }

        var (outcomes, table) = shared.withLock { state in
            defer { state = SharedScanState(fileCount: 0, ruleCount: 0) }
            return (state.outcomes, state.table)
        }
        var summary = ScanSummary()
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
        }
        outcomes = []
        var terms = CombinationTerms()
        let parts = perWorker.withLock { parts in
            defer { parts = [] }
            return parts.compactMap { $0 }
        }
        for part in parts { terms.merge(part.terms) }
        // The workers' event digests are merged into one accumulator while alerts are decided: the
        // alerts never read them, and a console lists the alerts before it needs the events.
        let merged = Mutex(Accumulator())
        let merging = DispatchGroup()
        if Accumulator.self != NoEventAccumulator.self {
            let digests = parts.map(\.digests)
            DispatchQueue.global().async(group: merging) {
                var events = Accumulator()
                for part in digests { events.merge(part) }
                let finished = events
                merged.withLock { $0 = finished }
            }
        }

        beforeSecondRead?()
        let reader = RecordRereader(
            readLimits: configuration.readLimits, digestKey: evaluator.digestKey, workers: configuration.workerCount)
        // Before deciding: an eventID shared by different content must not pass for a re-delivery.
        let conflicts = EventIDConflicts(table: table, reader: reader)
        conflicts.resolve(&table)
        summary.issues.append(contentsOf: conflicts.issues)
        summary.issues.append(contentsOf: conflicts.readIssues)
        summary.eventIDConflicts = conflicts.recordCount

        var pending: [PendingAlert] = []
        var duplicateKeys: Set<String> = []
        let decisions = decideEveryRule(
            rules, in: table, terms: terms, appliesMaxSignals: configuration.appliesMaxSignals,
            workers: configuration.workerCount)
        table.byRule = []  // the kept matches live on in `pending`; free the rest now
        for (rule, decided) in zip(rules, decisions) {
            pending.append(contentsOf: decided.alerts)
            duplicateKeys.formUnion(decided.duplicateEventKeys)
            summary.rules.append(
                ScanSummary.RuleCount(
                    ruleID: rule.rule.ruleID, name: rule.rule.name,
                    alerts: decided.alerts.count, droppedByMaxSignals: decided.droppedByMaxSignals
                ))
        }
        summary.duplicateEvents = duplicateKeys.count
        pending.sort(by: PendingAlert.reportOrder)
        let built = buildAlerts(pending, in: table, evaluator: evaluator, reader: reader)
        summary.issues.append(contentsOf: built.issues)
        for (rule, lost) in built.lostByRule {
            summary.rules[rule].alerts -= lost
        }
        var alerts = built.alerts
        let fromAlerts = alertRuleAlerts(
            rules: rules, over: alerts, appliesMaxSignals: configuration.appliesMaxSignals)
        for entry in fromAlerts {
            summary.rules[entry.rule].alerts = entry.alerts.count
            summary.rules[entry.rule].droppedByMaxSignals = entry.dropped
            alerts.append(contentsOf: entry.alerts)
        }
        if !fromAlerts.isEmpty { alerts.sort(by: Alert.reportOrder) }
        let result = ScanResult(alerts: alerts, summary: summary)
        decided?(result)
        merging.wait()
        let events = merged.withLock { events in
            defer { events = Accumulator() }
            return events
        }
        return (result, events)
    }
}

extension DetectionScan {
    /// Each rule's decision, in rule order. Rules are independent once every file is read, so
    /// the scan's workers take them from a shared counter: a few ES|QL and sequence rules cost far
    /// more than the rest, and one worker would leave the other cores idle meanwhile.
    static func decideEveryRule(
        _ rules: [CompiledRule], in table: MatchTable, terms: CombinationTerms, appliesMaxSignals: Bool, workers: Int
    ) -> [AlertDecider.Decided] {
        let next = Mutex(0)
        let decided = Mutex([AlertDecider.Decided?](repeating: nil, count: rules.count))
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, rules.count))) { _ in
            while true {
                let index: Int = next.withLock { next in
                    defer { next += 1 }
                    return next
                }
                guard index < rules.count else { return }
                let decider = AlertDecider(rule: rules[index], ruleIndex: index, appliesMaxSignals: appliesMaxSignals)
                let decision = decider.alerts(from: table.byRule[index], in: table, terms: terms)
                decided.withLock { $0[index] = decision }
            }
        }
        return decided.withLock { decided in
            decided.map { $0 ?? AlertDecider.Decided(alerts: [], duplicateEventKeys: [], droppedByMaxSignals: 0) }
        }
    }

    /// Reads the kept alerts' records again and maps them into their documents, on the scan's
    /// workers; order is kept. An alert whose record can no longer be read as it was is left
    /// out, with an issue naming its file, rather than built from other content.
    static func buildAlerts(
        _ pending: [PendingAlert], in table: MatchTable, evaluator: RecordEvaluator, reader: RecordRereader
    ) -> (alerts: [Alert], issues: [ReadIssue], lostByRule: [Int: Int]) {
        // Alerts whose document was built while deciding (threshold groups, aggregating ES|QL
        // rows) need no second read; a sequence alert's is built from its members' documents.
        let needsRead = pending.indices.filter { pending[$0].builtDocument == nil && !pending[$0].sharesMembersFields }
        var wanted = needsRead.map { pending[$0].record }
        for alert in pending where alert.sharesMembersFields { wanted.append(contentsOf: alert.members) }
        let read = reader.read(wanted, in: table) { evaluator.alertDocument($0) }
        var byRecord: [Int: ECSDocument] = [:]
        for (record, document) in zip(wanted, read.values) { byRecord[record] = document }
        let documents = pending.map { alert -> ECSDocument? in
            if let built = alert.builtDocument { return built }
            if alert.sharesMembersFields {
                let members = alert.members.compactMap { byRecord[$0] }
                guard members.count == alert.members.count else { return nil }
                return Self.sharedFields(of: members, at: alert.time)
            }
            guard let document = byRecord[alert.record] else { return nil }
            return alert.addedFields.isEmpty ? document : Self.adding(alert.addedFields, to: document)
        }
        var alerts: [Alert] = []
        alerts.reserveCapacity(pending.count)
        var lostByRule: [Int: Int] = [:]
        for (alert, document) in zip(pending, documents) {
            // A record that matched maps again, so only a file changed in between loses its alert.
            guard let document else {
                lostByRule[alert.ruleIndex, default: 0] += 1
                continue
            }
            let members = alert.members.map { position in
                AlertMember(
                    eventKey: table.records[position].eventKey, time: table.records[position].time,
                    location: table.location(of: position))
            }
            alerts.append(
                Alert(
                    uuid: alert.uuid, rule: alert.rule, originalTime: alert.time, newTerms: alert.newTerms,
                    document: document, location: table.location(of: alert.record),
                    eventKey: table.records[alert.record].eventKey, threshold: alert.threshold, members: members,
                    group: alert.group, resultColumns: alert.resultColumns, runCount: alert.runCount
                ))
        }
        let issues = read.failures.map { failure in
            ReadIssue(
                kind: .unreadableFile, file: failure.file,
                reason: "\(failure.reason): the alert"
                    + "\(failure.records == 1 ? "" : "s") on \(failure.records) of its record"
                    + "\(failure.records == 1 ? " is" : "s are") left out rather than built from other content")
        }
        return (alerts, issues, lostByRule)
    }
}

extension DetectionScan {
    /// The fields every document has with the same value: what Kibana's EQL sequence alert holds.
    static func sharedFields(of documents: [ECSDocument], at time: Int64) -> ECSDocument {
        guard let first = documents.first else {
            return ECSDocument(flattened: [], timestampMilliseconds: time, eventID: nil)
        }
        let others = documents.dropFirst().map { document in
            Dictionary(document.flattened().map { ($0.key, $0.value) }, uniquingKeysWith: { kept, _ in kept })
        }
        let shared = first.flattened().filter { member in
            member.key != "@timestamp" && others.allSatisfy { $0[member.key] == member.value }
        }
        let members =
            [JSONMember(key: "@timestamp", value: .string(ECSTimestamp.format(milliseconds: time)))]
            + shared.map { JSONMember(key: $0.key, value: $0.value) }
        return ECSDocument(flattened: members, timestampMilliseconds: time, eventID: nil)
    }

    /// The document with an ES|QL row's columns added; a column named like a field replaces it.
    static func adding(_ fields: [JSONMember], to document: ECSDocument) -> ECSDocument {
        let replaced = Set(fields.map(\.key))
        let members =
            document.flattened().filter { !replaced.contains($0.key) }.map { JSONMember(key: $0.key, value: $0.value) }
            + fields
        return ECSDocument(
            flattened: members, timestampMilliseconds: document.timestampMilliseconds, eventID: document.eventID)
    }
}

/// State the workers share, always accessed under the scan's mutex.
struct SharedScanState: Sendable {
    var nextFile = 0
    var filesDone = 0
    var recordsRead = 0
    var matches = 0
    var outcomes: [FileOutcome?]
    /// Every file's matches, in the order files finished (positions in it mean nothing more).
    var table: MatchTable

    init(fileCount: Int, ruleCount: Int) {
        outcomes = Array(repeating: nil, count: fileCount)
        table = MatchTable(ruleCount: ruleCount)
    }
}
