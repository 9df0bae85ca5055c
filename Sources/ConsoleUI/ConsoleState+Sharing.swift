import TriageModel

extension ConsoleState {
    /// Takes the triage another console or process committed, as the app has just re-read it
    /// (every alert with a stored row; loaded alerts without one are untouched). Alerts whose
    /// version moved are updated and the list re-filtered, keeping the selection and marks. Typed
    /// text is never replaced: an open note editor or step-note prompt keeps its text, and when
    /// the stored note changed underneath it the message says so (its save is then refused once,
    /// with who changed it, before it replaces theirs).
    public mutating func didReadStoredTriage(_ revisions: [String: TriageRevision]) {
        var changed: [String: (before: TriageState, now: TriageRevision)] = [:]
        for (position, record) in alerts.enumerated() {
            let revision = revisions[record.uuid] ?? .untouched
            guard revision.version != versions[position] else { continue }
            changed[record.uuid] = (states[position], revision)
            states[position] = revision.state
            versions[position] = revision.version
        }
        guard !changed.isEmpty else { return }
        refreshList(keeping: selectedPosition)
        switch prompt {
        case .note(let uuid, _)?:
            if let (before, revision) = changed[uuid], before.notes != revision.state.notes {
                message = StatusMessage(
                    "The stored note was changed" + Self.writer(revision) + " in another console; your text is kept "
                        + "(Ctrl-D will say before replacing theirs)",
                    kind: .warning
                )
            }
        case .stepNote(let uuid, let step, _)?:
            if let (before, revision) = changed[uuid], before.step(step).note != revision.state.step(step).note {
                message = StatusMessage(
                    "The stored note on step \(step.index + 1) was changed" + Self.writer(revision)
                        + " in another console; your text is kept",
                    kind: .warning
                )
            }
        default:
            break
        }
    }

    /// Reports that the stored triage could not be re-read; the screen keeps what it last read.
    public mutating func didFailToReadStoredTriage(_ reason: String) {
        message = StatusMessage("Changes from other consoles could not be read: \(reason)", kind: .error)
    }
}
