/// What a cell means, not how it looks: the terminal driver maps roles to colours and
/// attributes (and to plain attributes when colour is off, e.g. under `NO_COLOR`).
public enum StyleRole: UInt8, Sendable, Hashable, CaseIterable {
    case normal
    /// The selected row of the focused pane.
    case selected
    /// The selected row of a pane without focus.
    case selectedInactive
    case header
    case border
    case dim
    case emphasis
    /// Text from a log shown with its hidden characters made visible.
    case escaped
    case warning
    case error
    case success
    case severityLow
    case severityMedium
    case severityHigh
    case severityCritical
    /// Follow-up actions the investigation guide names.
    case highlight
    /// A field name an investigation guide tells the analyst to read.
    case field
    /// Literal values and names a guide writes as code (API names, parameters).
    case code
    case statusBar
    case prompt
}
