import ConsoleUI
import TriageModel
import TriageStore

/// Performs the console's triage effects against a ``TriageStore`` and reports each result to
/// the state, so what the screen shows has been committed first. The app keeps the effects that
/// touch the terminal or the file system (export, redraw, quit). It also loads the alerts'
/// stored triage and, polled from the run loop, picks up what other consoles commit.
///
/// Not `Sendable`, like the store: use it on the thread that owns the store.
public struct ConsoleStoreEffects {
    public let store: TriageStore
    /// The store's ``TriageStore/dataVersion()`` when the states were last read; a different
    /// value means another connection committed since.
    private var seenDataVersion: Int64?
    /// Whether the last re-read failed (and the analyst has been told).
    private var refreshFailing = false
    /// Whether the case's stored view (filters, sort) has been put back into the state.
    private var viewRestored = false

    /// The setting the list's view is stored under.
    public static let viewSetting = "console.view"

    public init(store: TriageStore) {
        self.store = store
    }

    /// Puts `records` into `state` with their stored triage. When the triage cannot be read the
    /// alerts are not shown at all (showing them untouched would be wrong), the message names
    /// the file and the reason, and this returns false so the app can try again.
    public mutating func load(_ records: [AlertRecord], into state: inout ConsoleState) -> Bool {
        do {
            // Read before the states, so a commit in between shows up at the next poll.
            let version = try store.dataVersion()
            let revisions = try store.allRevisions()
            seenDataVersion = version
            state.load(alerts: records, states: revisions.mapValues(\.state), versions: revisions.mapValues(\.version))
            restoreView(into: &state)
            return true
        } catch {
            state.didFail("Triage could not be read, so the alerts are held back (retrying): \(error)")
            return false
        }
    }

    /// Puts the case's stored filters and sort back, once, when the alerts first load. A read
    /// failure is said, and the console goes on with the defaults.
    public mutating func restoreView(into state: inout ConsoleState) {
        guard !viewRestored else { return }
        viewRestored = true
        do {
            if let text = try store.setting(Self.viewSetting) { state.restoreView(text) }
        } catch {
            state.didFail("The stored filters could not be read, so the list starts unfiltered: \(error)")
        }
    }

    /// Re-reads the loaded alerts' triage if another console or process committed since the
    /// last read, in one query, and hands it to the state. Returns whether the state may have
    /// changed (the app then redraws). Cheap when nothing changed: one pragma.
    public mutating func refreshIfChanged(_ state: inout ConsoleState) -> Bool {
        guard let seen = seenDataVersion else { return false }
        do {
            let version = try store.dataVersion()
            guard version != seen else { return false }
            let revisions = try store.allRevisions()
            seenDataVersion = version
            state.didReadStoredTriage(revisions)
            refreshFailing = false
        } catch {
            // Tried again at every poll, but said once, so it does not bury other messages.
            guard !refreshFailing else { return false }
            refreshFailing = true
            state.didFailToReadStoredTriage(error.description)
        }
        return true
    }

    /// Performs `effect` when it is triage work, at `time` (epoch milliseconds). Returns whether
    /// it was; other effects are left to the caller.
    public func perform(_ effect: ConsoleEffect, on state: inout ConsoleState, time: Int64) -> Bool {
        switch effect {
        case .applyTriage(let action, let targets):
            do {
                state.didApply(try store.apply(action, to: targets, analyst: state.analyst, time: time))
            } catch {
                state.didFailToApply(error.description)
            }
        case .undo(let change):
            do {
                state.didUndo(try store.undo(change, analyst: state.analyst, time: time))
            } catch {
                state.didFail("Undo not saved: \(error)")
            }
        case .openNote(let uuid):
            do {
                state.didReadNote(try store.revision(of: uuid), uuid: uuid)
            } catch {
                state.didFail("The note could not be read, so the editor stays closed: \(error)")
            }
        case .saveView(let text):
            do {
                try store.setSetting(Self.viewSetting, to: text)
            } catch {
                state.didFail("The filters could not be stored with the case: \(error)")
            }
        case .readAuditTrail(let uuid):
            do {
                state.didReadAuditTrail(try store.auditTrail(of: uuid), uuid: uuid)
            } catch {
                state.didFail("The audit trail could not be read: \(error)")
            }
        case .export, .readOriginalRecord, .page, .copy, .editNote, .redraw, .quit:
            return false
        }
        return true
    }
}
