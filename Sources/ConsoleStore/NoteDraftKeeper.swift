import ConsoleUI
import TriageModel
import TriageStore

/// Keeps the console's unsaved notes in the store while they are typed, so Ctrl-C, SIGTERM, a
/// crash or SIGKILL loses at most the last ``interval`` of typing, and brings them back when the
/// same alerts are opened again.
///
/// Writes are debounced: the run loop calls ``keep(_:now:force:)`` after every key and on every
/// idle tick (at most 100 ms apart), and a write happens when the drafts changed and the last
/// write is at least ``interval`` old. Only drafts of loaded alerts are touched.
///
/// Not `Sendable`, like the store: use it on the thread that owns the store.
public struct NoteDraftKeeper {
    public let store: TriageStore
    /// How long typing may go unsaved; the loss on SIGKILL is this plus one loop tick.
    public static let interval = Duration.milliseconds(250)
    /// The drafts the store holds for this analyst, as last read or written.
    private var written: [String: NoteDraft] = [:]
    private var lastWrite: ContinuousClock.Instant?
    /// Whether the stored drafts were read; nothing is written before, so none is lost.
    private var restored = false
    private var failing = false

    public init(store: TriageStore) {
        self.store = store
    }

    /// Reads the analyst's stored drafts and hands those of loaded alerts to `state`. Returns
    /// false, with the reason on the status line, when they cannot be read (then nothing is
    /// written either, so the stored drafts stay for the next time).
    @discardableResult
    public mutating func restore(into state: inout ConsoleState) -> Bool {
        do {
            written = try store.noteDrafts(analyst: state.analyst)
        } catch {
            state.didFail("Unsaved notes from last time could not be read: \(error)")
            return false
        }
        restored = true
        state.restoreNoteDrafts(written)
        return true
    }

    /// Writes the drafts that changed since the last write, if ``interval`` has passed (or
    /// `force`). Returns whether the state's message changed (a failure is said once).
    @discardableResult
    public mutating func keep(_ state: inout ConsoleState, now: ContinuousClock.Instant, force: Bool = false) -> Bool {
        guard restored else { return false }
        let current = state.unsavedNoteDrafts
        let changed = current.filter { written[$0.key] != $0.value }
        let removed = written.keys.filter { current[$0] == nil && state.isLoaded($0) }
        guard !changed.isEmpty || !removed.isEmpty else { return false }
        if !force, let last = lastWrite, now - last < Self.interval { return false }
        do {
            try store.updateNoteDrafts(changed, removing: removed, analyst: state.analyst, time: state.now)
        } catch {
            guard !failing else { return false }
            failing = true
            state.didFail("Your unsaved note could not be kept on disk (it is still on screen): \(error)")
            return true
        }
        for (uuid, draft) in changed { written[uuid] = draft }
        for uuid in removed { written[uuid] = nil }
        lastWrite = now
        failing = false
        return false
    }
}
