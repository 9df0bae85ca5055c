import RelatedActivity
import TriageModel

/// A full-screen view over the panes; Esc closes it.
public enum ConsoleOverlay: Sendable, Hashable {
    case help
    /// The alert's original (or stored) record, pretty-printed once when opened.
    case raw(lines: [RawRecordLine])
    /// The actor's other events; `window` indexes ``ConsoleState/relatedWindows``.
    case related(window: Int)
    /// One event opened from the related view (stacked on it: Esc returns there).
    case relatedEvent(window: Int, RelatedEvent)
    /// The alert's audit trail as the store returned it, oldest first.
    case audit(uuid: String, entries: [AuditEntry])
    /// Every loaded rule: whether it ran, its alerts, and why any did not run.
    case rules
}
