import TriageModel

/// Performs the console's triage effects against a ``TriageStore`` and reports each result to
/// the state, so what the screen shows has been committed first. The app keeps the effects that
/// touch the terminal or the file system (export, redraw, quit).
///
/// Not `Sendable`, like the store: use it on the thread that owns the store.
public struct ConsoleStoreEffects {
    public let store: TriageStore

    public init(store: TriageStore) {
        self.store = store
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
        case .export, .redraw, .quit:
            return false
        }
        return true
    }
}
