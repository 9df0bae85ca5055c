/// Everything a key can ask the console to do, by long name.
///
/// Keys are bound to actions in one table (``Keymap``); the reducer only ever sees actions,
/// so rebinding a key never touches behaviour.
public enum ConsoleAction: Sendable, Hashable {
    // Movement, in whichever pane or overlay has focus.
    case moveDown, moveUp, top, bottom, pageDown, pageUp
    case nextPane, previousPane
    /// Enter on the list: focus the detail pane.
    case open
    /// Space on the list: mark or unmark the alert for a bulk action.
    case toggleMark

    // Triage of the selected alert.
    case toggleReviewed, acknowledge, close, reopen
    case editNote
    case tickStep, editStepNote
    case bulkAction
    case undo, redo
    case exportSelected, exportFiltered

    // Views.
    case showRaw, showRelated, showHelp
    /// The rules view: every loaded rule, whether it ran, and its alerts.
    case showRules
    /// The selected alert's audit trail: who did what, when.
    case showAudit
    case cycleWindow
    /// The raw record in `$PAGER`.
    case pageRaw
    /// Copies the raw view's highlighted line's value.
    case copyValue
    /// In related activity: list only the follow-ups the guides name, or every event again.
    case toggleFollowUpsOnly

    // Finding alerts.
    case search, nextMatch, previousMatch
    case cycleStatusFilter, pickRule, cycleSeverityFilter, cycleSort
    /// Lists or hides EQL building-block alerts (hidden by default, as in Kibana).
    case toggleBuildingBlocks
    /// Opens the `:` command line; in a text prompt, Tab completes.
    case commandLine, complete

    // Layout.
    /// Times in UTC or local time.
    case toggleTimeDisplay
    /// Shows the focused pane alone, or all panes again.
    case zoomPane
    /// Scrolls the list sideways.
    case scrollLeft, scrollRight

    // Prompts and questions.
    case submit, confirm, deny, deleteBackward, newline, saveNote
    /// In the note editor: hands the draft to `$EDITOR`.
    case externalEditor
    /// Cursor moves and forward delete in text prompts and the note editor.
    case cursorLeft, cursorRight, lineStart, lineEnd, wordLeft, wordRight, deleteForward
    /// Picks the numbered option of a choice (1-based).
    case choose(Int)

    case redraw, back, quit
}
