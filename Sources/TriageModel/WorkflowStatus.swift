/// Kibana's alert workflow status (`kibana.alert.workflow_status`).
public enum WorkflowStatus: String, Sendable, Hashable, CaseIterable {
    /// Needs investigation.
    case open
    /// Under investigation.
    case acknowledged
    /// Done; a closed alert carries a ``Disposition``.
    case closed
}
