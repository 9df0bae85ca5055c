/// One thing an analyst does to an alert (or, in bulk, to several).
public enum TriageAction: Sendable, Hashable {
    /// Flips the reviewed mark.
    case toggleReviewed
    case setReviewed(Bool)
    /// Moves to open or acknowledged; clears any disposition and reason, as reopening does in Kibana.
    case setStatus(WorkflowStatus)
    /// Closes with a verdict and a reason.
    case close(Disposition, reason: String)
    /// Replaces the alert's notes.
    case setNotes(String)
    /// Ticks or unticks a guide step.
    case setStepDone(StepKey, Bool)
    /// Replaces a step's note.
    case setStepNote(StepKey, String)

    /// Short machine-friendly name recorded in the audit trail.
    public var name: String {
        switch self {
        case .toggleReviewed, .setReviewed: "reviewed"
        case .setStatus(let status): "status:\(status.rawValue)"
        case .close: "close"
        case .setNotes: "notes"
        case .setStepDone: "step"
        case .setStepNote: "step-note"
        }
    }
}

extension TriageAction {
    /// The state after this action. Pure: the same input always gives the same output.
    public func applied(to state: TriageState) -> TriageState {
        var next = state
        switch self {
        case .toggleReviewed:
            next.reviewed.toggle()
        case .setReviewed(let flag):
            next.reviewed = flag
        case .setStatus(let status):
            next.status = status
            if status != .closed {
                next.disposition = nil
                next.reason = ""
            }
        case .close(let disposition, let reason):
            next.status = .closed
            next.disposition = disposition
            next.reason = reason
        case .setNotes(let notes):
            next.notes = notes
        case .setStepDone(let key, let done):
            var step = state.step(key)
            step.key = key
            step.isDone = done
            next.update(step)
        case .setStepNote(let key, let note):
            var step = state.step(key)
            step.key = key
            step.note = note
            next.update(step)
        }
        return next
    }

    /// What changed, in words, for the audit trail (before → after).
    func detail(from before: TriageState, to after: TriageState) -> String {
        switch self {
        case .toggleReviewed, .setReviewed:
            return after.reviewed ? "marked reviewed" : "cleared reviewed"
        case .setStatus(let status):
            return "\(before.status.rawValue) -> \(status.rawValue)"
        case .close(let disposition, let reason):
            return "\(before.status.rawValue) -> closed as \(disposition.rawValue)"
                + (reason.isEmpty ? "" : ": \(reason)")
        case .setNotes(let notes):
            return "notes set (\(notes.count) characters)"
        case .setStepDone(let key, let done):
            return "step \(key.index + 1) \"\(key.title)\" " + (done ? "done" : "not done")
        case .setStepNote(let key, let note):
            return "step \(key.index + 1) \"\(key.title)\" note: \(note)"
        }
    }
}
