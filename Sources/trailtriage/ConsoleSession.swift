import Alerts
import CaseNotes
import CloudTrailReader
import ConsoleStore
import ConsoleUI
import DetectionEngine
import DetectionRules
import Dispatch
import ECSMapping
import Foundation
import NcursesTerminal
import Synchronization
import TerminalGrid
import TrailTriageJSON
import TriageModel
import TriageStore

/// One run of the console: loads alerts in the background while the screen shows progress and
/// the alerts found so far, then turns key presses into state changes and commits every triage
/// action to the store before the screen shows it.
final class ConsoleSession {
    private let inputs: [String]
    /// An engine's output directory to open instead of scanning `inputs` (`--alerts DIR`).
    private let engineOutput: String?
    private let ruleSet: RuleSet
    private let limits: ReadLimits
    private let enrichment: ECSEnrichment
    private let store: TriageStore
    private var triage: ConsoleStoreEffects
    private var noteDrafts: NoteDraftKeeper
    private var state: ConsoleState
    private let loading = LoadingChannel()
    /// Whether clicks and the wheel are asked for (`--no-mouse` turns them off).
    private let mouse: Bool

    /// Where the background load leaves its reports for the screen loop.
    final class LoadingChannel: Sendable {
        let state = Mutex(LoadingState())

        func withLock<Result: Sendable>(_ body: (inout LoadingState) -> Result) -> Result {
            state.withLock { body(&$0) }
        }

        /// Waits until the decided alerts are saved (or could not be), when they have been
        /// handed over: triage of them may be on screen already, and an export run after the
        /// console quits finds alerts in the store.
        func waitForDecidedAlertsToBeSaved() {
            while state.withLock({ $0.decided != nil && !$0.decidedSaved }) {
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
    }

    /// What the background load reports to the screen loop. The screen loop takes each report
    /// out (sets it back to `nil` or empty) once it has shown it.
    struct LoadingState: Sendable {
        var progress = LoadingProgress()
        /// Rows streamed since the screen loop last took them.
        var provisional: [ProvisionalAlert] = []
        /// The decided alerts, without related activity yet.
        var decided: [AlertRecord]?
        var decidedTaken = false
        var decidedSaved = false
        var summaryLine: String?
        /// The same alerts with their related activity.
        var related: [AlertRecord]?
        /// A problem to show on the status line; loading goes on.
        var problem: String?
        /// The loaded rules, when they changed since the screen loop last took them.
        var rules: [RuleStatus]?
        /// Engine alerts' raw records by alert id (`--alerts`), for the raw view.
        var originalRecords: [String: String] = [:]
    }

    static func hasTerminal() -> Bool {
        NcursesTerminal.isInteractive()
    }

    init(
        inputs: [String], ruleSet: RuleSet, limits: ReadLimits, enrichment: ECSEnrichment, store: TriageStore,
        analyst: String, mouse: Bool = true, engineOutput: String? = nil
    ) {
        self.mouse = mouse
        self.inputs = inputs
        self.engineOutput = engineOutput
        self.ruleSet = ruleSet
        self.limits = limits
        self.enrichment = enrichment
        self.store = store
        triage = ConsoleStoreEffects(store: store)
        noteDrafts = NoteDraftKeeper(store: store)
        state = ConsoleState(analyst: analyst, now: Self.nowMilliseconds())
        state.progress = LoadingProgress()
        state.ruleLoadErrors = ruleSet.errors
        state.localTimeZone = .current()
    }

    func run() throws {
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(mouse: mouse)
        } catch {
            StandardStreams.writeError("trailtriage: \(error)\n")
            throw error
        }
        defer { terminal.restore() }
        startLoading()
        var needsDraw = true
        // Loaded alerts waiting for their triage to be readable (see `finishLoading`).
        var pending: (records: [AlertRecord], summary: String?)?
        // Related activity that came in while the decided alerts were still waiting.
        var waitingRelated: [AlertRecord]?
        // Stored triage for the provisional rows, read once when the first ones arrive.
        var provisionalStates: [String: TriageState]?
        // Rows waiting for that read to succeed, and whether it has failed (said once).
        var heldProvisional: [ProvisionalAlert] = []
        var provisionalReadFailed = false
        var lastPoll = ContinuousClock.now
        while true {
            // A short wait while rows stream in, so they show as their files finish.
            if let key = terminal.readKey(timeoutMilliseconds: state.progress != nil ? 50 : 100) {
                state.now = Self.nowMilliseconds()
                if case .resize = key { state.size = terminal.size }
                for effect in state.handle(key) {
                    if perform(effect, on: terminal) == .quit { return }
                }
                needsDraw = true
            }
            // Typing goes to disk within a quarter second, so a signal or a crash loses no note.
            if noteDrafts.keep(&state, now: .now) { needsDraw = true }
            let report = loading.withLock { loading in
                defer {
                    loading.provisional = []
                    if loading.decided != nil { loading.decidedTaken = true }
                    loading.related = nil
                    loading.problem = nil
                    loading.rules = nil
                }
                return (
                    progress: loading.progress, provisional: loading.provisional,
                    decided: loading.decidedTaken ? nil : loading.decided, summary: loading.summaryLine,
                    related: loading.related, problem: loading.problem, rules: loading.rules
                )
            }
            if let rules = report.rules {
                state.rules = rules
                needsDraw = true
            }
            if state.progress != nil {
                if let records = report.decided {
                    state.progress = nil
                    state.isIndexingRelatedActivity = true
                    pending = finishLoading(records, summary: report.summary) ? nil : (records, report.summary)
                    needsDraw = true
                } else {
                    heldProvisional += report.provisional
                    if !heldProvisional.isEmpty, provisionalStates == nil {
                        // Only for showing: the decided list reads triage again, properly.
                        do {
                            provisionalStates = try store.allRevisions().mapValues(\.state)
                        } catch {
                            // Rows shown without their triage would all read as untouched, so
                            // they wait (and the read is tried again with the next rows).
                            if !provisionalReadFailed {
                                state.didFail(
                                    "Triage could not be read, so the rows found so far are held back: \(error)")
                                needsDraw = true
                            }
                            provisionalReadFailed = true
                        }
                    }
                    if let states = provisionalStates, !heldProvisional.isEmpty {
                        state.showProvisional(heldProvisional, states: states)
                        heldProvisional = []
                        needsDraw = true
                    }
                    if report.progress != state.progress {
                        state.progress = report.progress
                        needsDraw = true
                    }
                }
            }
            if let related = report.related ?? waitingRelated {
                if pending == nil {
                    state.didIndexRelatedActivity(related)
                    waitingRelated = nil
                } else {
                    waitingRelated = related
                }
                needsDraw = true
            }
            if let problem = report.problem {
                state.didFail(problem)
                needsDraw = true
            }
            // Another console's commits show here within a poll; the pragma is all it costs.
            if ContinuousClock.now - lastPoll >= Self.pollInterval {
                lastPoll = ContinuousClock.now
                if let waiting = pending {
                    if finishLoading(waiting.records, summary: waiting.summary) { pending = nil }
                    needsDraw = true
                } else if triage.refreshIfChanged(&state) {
                    needsDraw = true
                }
            }
            if needsDraw {
                let size = terminal.size
                state.size = size
                terminal.draw(ConsoleRenderer.render(state, size: size))
                needsDraw = false
            }
        }
    }

    private enum Continuation { case stay, quit }

    /// Performs one effect; triage goes to the database first and only then into the state the
    /// screen draws, so what the analyst sees is already durable.
    private func perform(_ effect: ConsoleEffect, on terminal: NcursesTerminal) -> Continuation {
        if triage.perform(effect, on: &state, time: Self.nowMilliseconds()) { return .stay }
        switch effect {
        case .applyTriage, .undo, .openNote, .saveView, .readAuditTrail:
            break  // performed above
        case .export(let uuids, let format, let path, let overwrite):
            state.didExport(export(uuids: uuids, format: format, path: path, overwrite: overwrite))
        case .readOriginalRecord(let uuid, let file, let index):
            let record =
                loading.withLock({ $0.originalRecords[uuid] }).map(Self.engineRecord)
                ?? OriginalRecordReader.read(file: file, index: index, limits: limits)
            for next in state.didReadOriginalRecord(record, uuid: uuid) {
                if perform(next, on: terminal) == .quit { return .quit }
            }
        case .page(let text):
            let result = runOutsideCurses("PAGER", fallback: "less", on: text, terminal: terminal)
            if case .failure(let failure) = result { state.didFail("The pager did not run: \(failure)") }
        case .editNote(let uuid, let text):
            let result = runOutsideCurses("EDITOR", fallback: "vi", on: text, terminal: terminal)
            state.didEditNote(result.mapError { ExternalEditFailure(reason: $0.description) }, uuid: uuid)
        case .copy(let text):
            if let problem = Clipboard.copy(text, environment: ProcessInfo.processInfo.environment) {
                state.didFail("Sent to the terminal's clipboard, but not to tmux's buffer: \(problem)")
            }
        case .redraw:
            terminal.repaintAll()
        case .quit:
            noteDrafts.keep(&state, now: .now, force: true)
            loading.waitForDecidedAlertsToBeSaved()
            return .quit
        }
        return .stay
    }

    private func export(uuids: [String], format: CaseNotesExporter.Format, path: String, overwrite: Bool)
        -> ExportOutcome
    {
        // The records are already in memory; only states and audit trails come from the store.
        let loaded = Dictionary(state.alerts.map { ($0.uuid, $0) }, uniquingKeysWith: { first, _ in first })
        return Self.export(
            uuids.compactMap { loaded[$0] }, format: format, path: path, overwrite: overwrite, store: store)
    }

    /// The console's export: case notes for `records` (the loaded, in-memory alerts) with their
    /// triage from `store`, written to `path`. The exporter is the one `trailtriage export`
    /// uses, so the same alerts give the same bytes either way.
    static func export(
        _ records: [AlertRecord], format: CaseNotesExporter.Format, path: String, overwrite: Bool,
        store: TriageStore
    ) -> ExportOutcome {
        do {
            let notes = try CaseNotesExporter(format: format).export(records, from: store)
            try OutputFile.write(notes.text, to: path, overwrite: overwrite)
            return .written(path: path, count: notes.count)
        } catch OutputFile.Failure.exists(let path) {
            return .exists(path: path)
        } catch {
            return .failed(path: path, reason: String(describing: error))
        }
    }

    /// Scans on a background thread; the screen loop polls `loading`.
    ///
    /// The decided alerts are handed over before anything is saved: triage writes name only an
    /// alert's uuid, so they need no saved alert row. The rows are saved meanwhile on a thread of
    /// their own, while the index is built, and again with related activity once it is in (what
    /// `trailtriage export` reads). Quitting waits for the first save.
    private func startLoading() {
        let inputs = inputs
        let ruleSet = ruleSet
        let limits = limits
        let enrichment = enrichment
        let loading = loading
        let storePath = store.path
        let firstSave = DispatchGroup()
        let stages = ConsoleLoader.Stages(
            progress: { progress in
                loading.withLock {
                    $0.progress = LoadingProgress(
                        files: progress.filesDone, filesTotal: progress.filesTotal, records: progress.recordsRead,
                        isDeciding: progress.filesDone == progress.filesTotal)
                }
            },
            provisional: { rows in loading.withLock { $0.provisional.append(contentsOf: rows) } },
            rules: { rules in loading.withLock { $0.rules = rules } },
            decided: { [engineOutput] records, summary in
                let line =
                    engineOutput.map { EngineOutputLoader.summaryLine(directory: $0, records: records) }
                    ?? "\(summary.recordsRead) records in \(summary.filesRead) files, \(records.count) alerts"
                    + (summary.issues.isEmpty
                        ? "" : ", \(summary.issues.count) input problems (see `trailtriage scan`)")
                loading.withLock {
                    $0.decided = records
                    $0.summaryLine = line
                }
                firstSave.enter()
                Thread.detachNewThread {
                    defer { firstSave.leave() }
                    let problem = Self.save(records, to: storePath)
                    loading.withLock {
                        $0.decidedSaved = true
                        if let problem { $0.problem = problem }
                    }
                }
            }
        )
        let engineOutput = engineOutput
        Thread.detachNewThread {
            let loaded: ConsoleLoader.Loaded
            if let engineOutput {
                let engine = EngineOutputLoader.load(
                    directory: engineOutput, ruleSet: ruleSet, enrichment: enrichment, stages: stages,
                    originalRecords: { records in loading.withLock { $0.originalRecords = records } })
                loaded = engine.console
                if let first = engine.problems.first {
                    let more = engine.problems.count > 1 ? " (and \(engine.problems.count - 1) more)" : ""
                    loading.withLock { $0.problem = "Engine output: " + first + more }
                }
            } else {
                loaded = ConsoleLoader.load(
                    inputs: inputs, ruleSet: ruleSet, limits: limits, enrichment: enrichment, stages: stages)
            }
            loading.withLock { $0.related = loaded.records }
            firstSave.wait()
            if let problem = Self.save(loaded.records, to: storePath) {
                loading.withLock { $0.problem = problem }
            }
        }
    }

    /// Runs the program `variable` names (else `fallback`) on `text` with the terminal handed
    /// over to it, then redraws: the pager and the note editor both go this way.
    private func runOutsideCurses(
        _ variable: String, fallback: String, on text: String, terminal: NcursesTerminal
    ) -> Result<String, ExternalProgram.Failure> {
        let program = ExternalProgram.command(
            variable, fallback: fallback, environment: ProcessInfo.processInfo.environment)
        terminal.restore()
        defer { terminal.repaintAll() }
        return ExternalProgram.run(program, on: text)
    }

    /// An engine alert's raw record, parsed for the raw view.
    private static func engineRecord(_ text: String) -> Result<JSONValue, OriginalRecordFailure> {
        do {
            return .success(try JSONParser.parse(text))
        } catch {
            return .failure(OriginalRecordFailure(reason: "the engine's record is not valid JSON: \(error)"))
        }
    }

    /// Saves `records` with a connection of the calling thread's own (SQLite connections stay on
    /// the thread that made them); returns what went wrong, for the status line.
    private static func save(_ records: [AlertRecord], to path: String) -> String? {
        do {
            let writer = try TriageStore(path: path)
            try writer.save(records)
            return nil
        } catch {
            return "Alerts could not be saved to \(path) (triage still is, by alert id): \(error)"
        }
    }

    /// How often the run loop checks the database for other consoles' commits.
    static let pollInterval = Duration.milliseconds(300)

    /// Shows the loaded alerts with their stored triage. Returns false, with the reason on the
    /// status line, when the triage cannot be read; the run loop then tries again each poll.
    private func finishLoading(_ records: [AlertRecord], summary: String?) -> Bool {
        guard triage.load(records, into: &state) else { return false }
        if let summary { state.message = StatusMessage(summary) }
        // After the summary, so a message about notes kept from last time is the one shown.
        noteDrafts.restore(into: &state)
        return true
    }

    static func nowMilliseconds() -> Int64 {
        Int64(Date().timeIntervalSince1970 * 1000)
    }
}
