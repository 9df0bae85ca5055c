import CaseNotes
import CloudTrailReader
import ConsoleUI
import DetectionEngine
import DetectionRules
import Dispatch
import Foundation
import NcursesTerminal
import Synchronization
import TerminalGrid
import TriageModel
import TriageStore

/// One run of the console: loads alerts in the background while the screen shows progress, then
/// turns key presses into state changes and commits every triage action to the store before the
/// screen shows it.
final class ConsoleSession {
    private let inputs: [String]
    private let ruleSet: RuleSet
    private let limits: ReadLimits
    private let store: TriageStore
    private var triage: ConsoleStoreEffects
    private var state: ConsoleState
    private let loading = LoadingChannel()

    /// Where the background load leaves its reports for the screen loop.
    final class LoadingChannel: Sendable {
        let state = Mutex(LoadingState())

        func withLock<Result: Sendable>(_ body: (inout LoadingState) -> Result) -> Result {
            state.withLock { body(&$0) }
        }
    }

    /// What the background load reports to the screen loop.
    struct LoadingState: Sendable {
        var progress = LoadingProgress()
        var finished: [AlertRecord]?
        var summaryLine: String?
        var failure: String?
    }

    static func hasTerminal() -> Bool {
        NcursesTerminal.isInteractive()
    }

    init(inputs: [String], ruleSet: RuleSet, limits: ReadLimits, store: TriageStore, analyst: String) {
        self.inputs = inputs
        self.ruleSet = ruleSet
        self.limits = limits
        self.store = store
        triage = ConsoleStoreEffects(store: store)
        state = ConsoleState(analyst: analyst, now: Self.nowMilliseconds())
        state.progress = LoadingProgress()
    }

    func run() throws {
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal()
        } catch {
            StandardStreams.writeError("trailtriage: \(error)\n")
            throw error
        }
        defer { terminal.restore() }
        startLoading()
        var needsDraw = true
        var seenProgress = LoadingProgress()
        // Loaded alerts waiting for their triage to be readable (see `finishLoading`).
        var pending: (records: [AlertRecord], summary: String?)?
        var lastPoll = ContinuousClock.now
        while true {
            if let key = terminal.readKey(timeoutMilliseconds: 100) {
                state.now = Self.nowMilliseconds()
                if case .resize = key { state.size = terminal.size }
                for effect in state.handle(key) {
                    if perform(effect, on: terminal) == .quit { return }
                }
                needsDraw = true
            }
            if state.progress != nil {
                let snapshot = loading.withLock { $0 }
                if let records = snapshot.finished {
                    state.progress = nil
                    let summary = snapshot.summaryLine
                    pending = finishLoading(records, summary: summary) ? nil : (records, summary)
                    needsDraw = true
                } else if let failure = snapshot.failure {
                    state.progress = nil
                    state.didFail(failure)
                    needsDraw = true
                } else if snapshot.progress != seenProgress {
                    seenProgress = snapshot.progress
                    state.progress = snapshot.progress
                    needsDraw = true
                }
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
        case .applyTriage, .undo, .openNote:
            break  // performed above
        case .export(let uuids, let format, let path, let overwrite):
            state.didExport(export(uuids: uuids, format: format, path: path, overwrite: overwrite))
        case .redraw:
            terminal.repaintAll()
        case .quit:
            return .quit
        }
        return .stay
    }

    private func export(uuids: [String], format: CaseNotesExporter.Format, path: String, overwrite: Bool)
        -> ExportOutcome
    {
        // The records are already in memory; only states and audit trails come from the store.
        let loaded = Dictionary(state.alerts.map { ($0.uuid, $0) }, uniquingKeysWith: { first, _ in first })
        do {
            let exporter = CaseNotesExporter(format: format)
            let items = try exporter.items(for: uuids.compactMap { loaded[$0] }, from: store)
            try OutputFile.write(exporter.export(items), to: path, overwrite: overwrite)
            return .written(path: path, count: items.count)
        } catch OutputFile.Failure.exists(let path) {
            return .exists(path: path)
        } catch {
            return .failed(path: path, reason: String(describing: error))
        }
    }

    /// Scans on a background thread; the screen loop polls `loading`.
    private func startLoading() {
        let inputs = inputs
        let ruleSet = ruleSet
        let limits = limits
        let loading = loading
        let storePath = store.path
        Thread.detachNewThread {
            let loaded = ConsoleLoader.load(inputs: inputs, ruleSet: ruleSet, limits: limits) { progress in
                loading.withLock {
                    $0.progress = LoadingProgress(
                        files: progress.filesDone, records: progress.recordsRead, alerts: progress.matches)
                }
            }
            let records = loaded.records
            let summary = loaded.summary
            let line =
                "\(summary.recordsRead) records in \(summary.filesRead) files, \(records.count) alerts"
                + (summary.issues.isEmpty ? "" : ", \(summary.issues.count) input problems (see `trailtriage scan`)")
            // The loader's own connection: SQLite connections stay on the thread that made them.
            do {
                let writer = try TriageStore(path: storePath)
                try writer.save(records)
                loading.withLock {
                    $0.finished = records
                    $0.summaryLine = line
                }
            } catch {
                loading.withLock { $0.failure = "Alerts could not be saved to \(storePath): \(error)" }
            }
        }
    }

    /// How often the run loop checks the database for other consoles' commits.
    static let pollInterval = Duration.milliseconds(300)

    /// Shows the loaded alerts with their stored triage. Returns false, with the reason on the
    /// status line, when the triage cannot be read; the run loop then tries again each poll.
    private func finishLoading(_ records: [AlertRecord], summary: String?) -> Bool {
        guard triage.load(records, into: &state) else { return false }
        if let summary { state.message = StatusMessage(summary) }
        return true
    }

    static func nowMilliseconds() -> Int64 {
        Int64(Date().timeIntervalSince1970 * 1000)
    }
}
