import TriageModel

/// A question or text entry that takes every key until it is answered or cancelled.
public enum ConsolePrompt: Sendable, Hashable {
    /// Incremental search; `origin` is the selection to return to on Esc.
    case search(TextInput, origin: Int)
    /// The alert's multi-line notes.
    case note(uuid: String, TextInput)
    /// A short note on one checklist step.
    case stepNote(uuid: String, step: StepKey, TextInput)
    /// Choosing the disposition of a close; `choice` is the highlighted option.
    case disposition(targets: [String], choice: Int)
    /// The reason of a close.
    case reason(targets: [String], Disposition, TextInput)
    /// Choosing what a bulk action does to `targets`.
    case bulkMenu(targets: [String], scope: String)
    /// "Apply this to N alerts?"
    case confirmBulk(TriageAction, targets: [String])
    /// The file case notes go to.
    case exportPath(targets: [String], TextInput)
    /// The file exists: replace it?
    case overwrite(targets: [String], path: String)
    /// A note is unsaved: quit anyway?
    case quit
    /// `/` in the raw view: a search within the record, which the view highlights.
    case rawSearch(TextInput)
    /// The `:` command line.
    case command(TextInput)
    /// The rule pick list; `choice` is the highlighted line.
    case rulePicker([RuleChoice], choice: Int)

    /// The keymap contexts the prompt reads keys from.
    var contexts: [KeyContext] {
        switch self {
        case .search, .rawSearch, .stepNote, .reason, .exportPath, .command: [.textInput]
        case .note: [.noteEditor]
        case .disposition, .confirmBulk, .overwrite, .quit, .rulePicker: [.choice]
        // The bulk menu answers with the triage keys themselves (r, a, c, o).
        case .bulkMenu: [.choice, .global]
        }
    }
}
