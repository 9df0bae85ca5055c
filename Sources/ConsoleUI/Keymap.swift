import TerminalGrid

/// The console's key bindings: one table of data. The reducer, the `?` help screen and the
/// hint bar all read this table, so they cannot disagree.
public struct Keymap: Sendable, Hashable {
    public var bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    /// The command bound to `key` in the first of `contexts` that binds it.
    public func command(for key: KeyEvent, in contexts: [KeyContext]) -> ConsoleAction? {
        for context in contexts {
            if let binding = bindings.first(where: { $0.context == context && $0.key == key }) {
                return binding.command
            }
        }
        return nil
    }
}

extension Keymap {
    /// The bindings analysts expect from other terminal tools (console notes §10).
    public static let standard = Keymap(bindings: [
        KeyBinding(.character("?"), .global, .showHelp, "show this help", hint: "help"),
        KeyBinding(.character("q"), .global, .quit, "quit (asks when a note is unsaved)", hint: "quit"),
        // Movement applies to whatever has focus: list, pane, view or picker.
        KeyBinding(.character("j"), .global, .moveDown, "move down", hint: "move"),
        KeyBinding(.down, .global, .moveDown, "move down"),
        KeyBinding(.character("k"), .global, .moveUp, "move up"),
        KeyBinding(.up, .global, .moveUp, "move up"),
        KeyBinding(.character("g"), .global, .top, "go to the top"),
        KeyBinding(.home, .global, .top, "go to the top"),
        KeyBinding(.character("G"), .global, .bottom, "go to the bottom"),
        KeyBinding(.end, .global, .bottom, "go to the bottom"),
        KeyBinding(.control("f"), .global, .pageDown, "page down"),
        KeyBinding(.pageDown, .global, .pageDown, "page down"),
        KeyBinding(.control("b"), .global, .pageUp, "page up"),
        KeyBinding(.pageUp, .global, .pageUp, "page up"),
        KeyBinding(.tab, .global, .nextPane, "next pane", hint: "pane"),
        KeyBinding(.backTab, .global, .previousPane, "previous pane"),

        // Finding alerts.
        KeyBinding(
            .character(":"), .global, .commandLine, "command line: filter by actor, account, region, rule, time…",
            hint: "filter"),
        KeyBinding(.character("/"), .global, .search, "filter the list as you type", hint: "search"),
        KeyBinding(.character("n"), .global, .nextMatch, "next match"),
        KeyBinding(.character("N"), .global, .previousMatch, "previous match"),
        KeyBinding(.character("f"), .global, .cycleStatusFilter, "filter by status (cycles)"),
        KeyBinding(.character("F"), .global, .pickRule, "filter by rule: pick from a list with counts"),
        KeyBinding(.character("S"), .global, .cycleSeverityFilter, "filter by minimum severity (cycles)"),
        KeyBinding(.character("s"), .global, .cycleSort, "change the sort order", hint: "sort"),
        KeyBinding(
            .character("B"), .global, .toggleBuildingBlocks,
            "show or hide building-block alerts (one per event of an EQL sequence; hidden by default)"),

        // Triage.
        KeyBinding(.character("r"), .global, .toggleReviewed, "toggle reviewed", hint: "reviewed"),
        KeyBinding(.character("a"), .global, .acknowledge, "acknowledge"),
        KeyBinding(.character("c"), .global, .close, "close with a disposition and a reason", hint: "close"),
        KeyBinding(.character("o"), .global, .reopen, "reopen"),
        KeyBinding(.character("m"), .global, .editNote, "edit the alert's notes", hint: "note"),
        KeyBinding(.character("b"), .global, .bulkAction, "bulk action on marked alerts, else on the filtered list"),
        KeyBinding(.character("u"), .global, .undo, "undo the last action (again for the one before)", hint: "undo"),
        KeyBinding(.control("r"), .global, .redo, "redo what was undone"),
        KeyBinding(.character("U"), .global, .redo, "redo what was undone"),
        KeyBinding(
            .character("e"), .global, .exportSelected, "export case notes for the selected (or marked) alerts",
            hint: "export"),
        KeyBinding(.character("E"), .global, .exportFiltered, "export case notes for the filtered list"),

        // Views.
        KeyBinding(.character("R"), .global, .showRaw, "show the raw record", hint: "raw"),
        KeyBinding(.character("v"), .global, .showRaw, "show the raw record"),
        KeyBinding(.character("A"), .global, .showRelated, "show the actor's related activity", hint: "related"),
        KeyBinding(
            .character("L"), .global, .showRules,
            "list the loaded rules: which ran, their alerts, why any did not run", hint: "rules"),
        KeyBinding(.character("t"), .global, .toggleTimeDisplay, "times in UTC or local time"),
        KeyBinding(.character("z"), .global, .zoomPane, "zoom the focused pane (again: all panes)", hint: "zoom"),
        KeyBinding(.character("H"), .global, .showAudit, "the alert's audit trail: who did what, when", hint: "audit"),
        KeyBinding(.control("l"), .global, .redraw, "redraw the screen"),
        KeyBinding(.escape, .global, .back, "back out: close a view, return to the list, clear filters"),

        KeyBinding(.enter, .list, .open, "open the alert in the detail pane", hint: "open"),
        KeyBinding(.character(" "), .list, .toggleMark, "mark or unmark for a bulk action", hint: "mark"),
        KeyBinding(.right, .list, .scrollRight, "scroll the list right"),
        KeyBinding(.character(">"), .list, .scrollRight, "scroll the list right"),
        KeyBinding(.left, .list, .scrollLeft, "scroll the list left"),
        KeyBinding(.character("<"), .list, .scrollLeft, "scroll the list left"),

        KeyBinding(.enter, .detail, .showRelated, "show the actor's related activity", hint: "related"),
        KeyBinding(.character("j"), .detail, .moveDown, "highlight the next field", hint: "field"),
        KeyBinding(.down, .detail, .moveDown, "highlight the next field"),
        KeyBinding(.character("k"), .detail, .moveUp, "highlight the previous field"),
        KeyBinding(.up, .detail, .moveUp, "highlight the previous field"),
        KeyBinding(
            .character("y"), .detail, .copyValue,
            "copy the highlighted field's value (OSC 52; tmux's buffer under tmux)", hint: "copy"),
        KeyBinding(.character("|"), .detail, .pageRaw, "open the raw record in $PAGER (less by default)"),

        KeyBinding(.character(" "), .sidebar, .tickStep, "tick or untick the step", hint: "tick"),
        KeyBinding(.enter, .sidebar, .editStepNote, "attach a note to the step", hint: "step note"),

        KeyBinding(.escape, .overlay, .back, "close the view", hint: "close"),
        KeyBinding(.character("q"), .overlay, .back, "close the view"),
        KeyBinding(.character("w"), .overlay, .cycleWindow, "related activity: change the time window", hint: "window"),
        KeyBinding(.enter, .overlay, .open, "related activity: open the event under the cursor", hint: "open event"),
        KeyBinding(
            .character("f"), .overlay, .toggleFollowUpsOnly,
            "related activity: only the highlighted follow-ups, or all",
            hint: "follow-ups"),

        // The raw view's hint bar lists exactly these (see ConsoleState.hintContexts).
        KeyBinding(.character("j"), .rawView, .moveDown, "move the highlighted line down", hint: "move"),
        KeyBinding(.down, .rawView, .moveDown, "move the highlighted line down"),
        KeyBinding(.character("k"), .rawView, .moveUp, "move the highlighted line up"),
        KeyBinding(.up, .rawView, .moveUp, "move the highlighted line up"),
        KeyBinding(.character("/"), .rawView, .search, "search within the record", hint: "search"),
        KeyBinding(.character("n"), .rawView, .nextMatch, "next match (wraps at the end)", hint: "match"),
        KeyBinding(.character("N"), .rawView, .previousMatch, "previous match (wraps at the top)"),
        KeyBinding(
            .character("y"), .rawView, .copyValue,
            "copy the highlighted line's value (OSC 52; tmux's buffer under tmux)", hint: "copy"),
        KeyBinding(.character("|"), .rawView, .pageRaw, "open the record in $PAGER (less by default)", hint: "pager"),
        KeyBinding(.escape, .rawView, .back, "clear the search; again: close the view", hint: "back"),

        KeyBinding(.enter, .textInput, .submit, "accept", hint: "accept"),
        KeyBinding(.escape, .textInput, .back, "cancel", hint: "cancel"),
        KeyBinding(.backspace, .textInput, .deleteBackward, "delete the character before the cursor"),
        KeyBinding(.left, .textInput, .cursorLeft, "move the cursor left"),
        KeyBinding(.right, .textInput, .cursorRight, "move the cursor right"),
        KeyBinding(.home, .textInput, .lineStart, "to the start of the line"),
        KeyBinding(.control("a"), .textInput, .lineStart, "to the start of the line"),
        KeyBinding(.end, .textInput, .lineEnd, "to the end of the line"),
        KeyBinding(.control("e"), .textInput, .lineEnd, "to the end of the line"),
        KeyBinding(.control("b"), .textInput, .wordLeft, "back one word"),
        KeyBinding(.control("f"), .textInput, .wordRight, "forward one word"),
        KeyBinding(.delete, .textInput, .deleteForward, "delete the character under the cursor"),
        KeyBinding(.tab, .textInput, .complete, "command line: complete the command or value"),

        KeyBinding(.control("d"), .noteEditor, .saveNote, "save the note", hint: "save"),
        KeyBinding(.function(2), .noteEditor, .saveNote, "save the note"),
        KeyBinding(.enter, .noteEditor, .newline, "start a new line"),
        KeyBinding(
            .control("x"), .noteEditor, .externalEditor, "edit the draft in $EDITOR (vi by default)", hint: "$EDITOR"),
        KeyBinding(.backspace, .noteEditor, .deleteBackward, "delete the character before the cursor"),
        KeyBinding(.left, .noteEditor, .cursorLeft, "move the cursor left"),
        KeyBinding(.right, .noteEditor, .cursorRight, "move the cursor right"),
        KeyBinding(.home, .noteEditor, .lineStart, "to the start of the line"),
        KeyBinding(.control("a"), .noteEditor, .lineStart, "to the start of the line"),
        KeyBinding(.end, .noteEditor, .lineEnd, "to the end of the line"),
        KeyBinding(.control("e"), .noteEditor, .lineEnd, "to the end of the line"),
        KeyBinding(.control("b"), .noteEditor, .wordLeft, "back one word"),
        KeyBinding(.control("f"), .noteEditor, .wordRight, "forward one word"),
        KeyBinding(.delete, .noteEditor, .deleteForward, "delete the character under the cursor"),
        KeyBinding(.escape, .noteEditor, .back, "leave the editor, keeping the draft unsaved", hint: "keep draft"),

        KeyBinding(.character("y"), .choice, .confirm, "yes", hint: "yes"),
        KeyBinding(.character("n"), .choice, .deny, "no", hint: "no"),
        KeyBinding(.character("1"), .choice, .choose(1), "pick option 1"),
        KeyBinding(.character("2"), .choice, .choose(2), "pick option 2"),
        KeyBinding(.character("3"), .choice, .choose(3), "pick option 3"),
        KeyBinding(.character("j"), .choice, .moveDown, "next option"),
        KeyBinding(.down, .choice, .moveDown, "next option"),
        KeyBinding(.character("k"), .choice, .moveUp, "previous option"),
        KeyBinding(.up, .choice, .moveUp, "previous option"),
        KeyBinding(.enter, .choice, .submit, "accept the highlighted option", hint: "accept"),
        KeyBinding(.escape, .choice, .back, "cancel", hint: "cancel"),
    ])
}
