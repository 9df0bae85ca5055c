/// Where a binding applies. The reducer looks a key up in the contexts of the current focus,
/// most specific first, so a pane can give a key its own meaning (Space ticks a step in the
/// sidebar and marks an alert in the list).
public enum KeyContext: String, Sendable, Hashable, CaseIterable {
    /// Everywhere outside prompts.
    case global
    case list
    case detail
    case sidebar
    /// Help, raw record, related activity and rules views.
    case overlay
    /// The raw record view (`R`), before ``overlay``: its own keys, and its own hint bar.
    case rawView
    /// One-line text prompts: search, reason, step note, export path.
    case textInput
    /// The multi-line note editor.
    case noteEditor
    /// Questions with fixed answers: disposition picker, bulk menu, yes/no confirmations.
    case choice

    /// The heading used for this context in the help screen.
    public var title: String {
        switch self {
        case .global: "Anywhere"
        case .list: "Alert list"
        case .detail: "Detail pane"
        case .sidebar: "Checklist sidebar"
        case .overlay: "Help, raw record, related activity and rules views"
        case .rawView: "Raw record view"
        case .textInput: "Text prompts"
        case .noteEditor: "Note editor"
        case .choice: "Questions and pickers"
        }
    }
}
