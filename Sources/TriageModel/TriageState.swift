/// An analyst's triage of one alert.
public struct TriageState: Sendable, Hashable {
    /// Toggled with `r`: "I have looked at this".
    public var reviewed: Bool
    public var status: WorkflowStatus
    /// Set only while `status` is `.closed`.
    public var disposition: Disposition?
    /// Why the alert was closed; empty when not closed.
    public var reason: String
    /// Free multi-line notes (UTF-8).
    public var notes: String
    /// Steps ticked or annotated, in guide order; steps never touched are absent.
    public var checklist: [ChecklistStep]

    public init(
        reviewed: Bool = false, status: WorkflowStatus = .open, disposition: Disposition? = nil,
        reason: String = "", notes: String = "", checklist: [ChecklistStep] = []
    ) {
        self.reviewed = reviewed
        self.status = status
        self.disposition = disposition
        self.reason = reason
        self.notes = notes
        self.checklist = checklist
    }

    /// The state of every alert nobody has touched.
    public static let untouched = TriageState()

    /// The recorded progress for a step: matched by title first (steps may have moved), then by
    /// position when the title was reworded.
    public func step(_ key: StepKey) -> ChecklistStep {
        if let found = checklist.first(where: { $0.key.title == key.title }) { return found }
        if let found = checklist.first(where: { $0.key.index == key.index }) { return found }
        return ChecklistStep(key: key)
    }

    /// Replaces (or adds) the entry for `step`'s key, keeping guide order and dropping entries
    /// that carry nothing.
    mutating func update(_ step: ChecklistStep) {
        checklist.removeAll { $0.key.title == step.key.title || $0.key.index == step.key.index }
        if step.isDone || !step.note.isEmpty { checklist.append(step) }
        checklist.sort { $0.key.index < $1.key.index }
    }
}
