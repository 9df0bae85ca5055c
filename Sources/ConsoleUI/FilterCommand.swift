import DetectionRules
import TriageModel

/// One command of the `:` command line, parsed. Each sets or clears one filter, the sort order
/// or the time display; the grammar is ``CommandGrammar``.
enum FilterCommand: Sendable, Hashable {
    case actor(String?)
    case account(String?)
    case region(String?)
    /// A rule name, or the pick list when `nil`.
    case rule(String?)
    case severity(Severity)
    case status(Set<WorkflowStatus>?)
    case since(TimeBound?)
    case until(TimeBound?)
    case sort(SortOrder)
    case clear
    case times(TimeDisplay)
}
