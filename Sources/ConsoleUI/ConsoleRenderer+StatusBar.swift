import TerminalGrid
import TriageModel

extension ConsoleRenderer {
    /// The bottom row: an open prompt, else the last message followed by the keymap's hints.
    static func drawStatusBar(_ state: ConsoleState, layout: ConsoleLayout, into buffer: inout ScreenBuffer) {
        let row = layout.statusRow
        buffer.fill(row: row, style: .statusBar)
        let line: StyledLine
        if let prompt = state.prompt {
            line = promptLine(prompt, state: state)
        } else {
            var spans: [Span] = []
            if let message = state.message {
                spans.append(Span.untrusted(message.text, style(of: message.kind)))
                spans.append(Span("  "))
            }
            spans.append(Span(state.keymap.hints(for: state.hintContexts), .statusBar))
            line = StyledLine(spans, background: .statusBar)
        }
        buffer.draw(line, row: row, left: 0, width: layout.size.columns)
    }

    static func style(of kind: StatusMessage.Kind) -> StyleRole {
        switch kind {
        case .info: .statusBar
        case .warning: .warning
        case .error: .error
        case .success: .success
        }
    }

    /// The prompt's question and typed text; the text ends with a bar where the cursor is.
    static func promptLine(_ prompt: ConsolePrompt, state: ConsoleState) -> StyledLine {
        // A message (a failed save, no match) takes the hint's place, and a long entry shows only
        // its end, where typing happens, so the message stays on screen beside it.
        func entry(_ question: String, _ input: TextInput, _ hint: String) -> StyledLine {
            guard let message = state.message else {
                return StyledLine(
                    [
                        Span(question, .prompt), Span.untrusted(String(input.split.before), .prompt),
                        Span("▏", .prompt), Span.untrusted(String(input.split.after), .prompt), Span("  " + hint, .dim),
                    ], background: .prompt)
            }
            let room = max(12, state.size.columns - question.count - message.text.count - 3)
            let text = input.text.count <= room ? input.text : "…" + input.text.suffix(room - 1)
            return StyledLine(
                [
                    Span(question, .prompt), Span.untrusted(text, .prompt), Span("▏", .prompt),
                    Span.untrusted("  " + message.text, style(of: message.kind)),
                ], background: .prompt)
        }
        switch prompt {
        case .search(let input, _):
            return entry("/", input, "filters as you type · Enter keeps · Esc returns")
        case .rawSearch(let input):
            return entry("/", input, "searches the record · Enter keeps, n/N step · Esc clears")
        case .command(let input):
            return entry(":", input, state.commandHint(for: input.text))
        case .rulePicker:
            return StyledLine(
                [Span("Filter by rule: j/k move · Enter picks · Esc cancels", .prompt)], background: .prompt)
        case .note:
            var spans = [Span("Editing notes · Ctrl-D saves · Ctrl-X $EDITOR · Esc keeps the draft", .prompt)]
            // A failed or refused save says why here, with the editor and its text still open.
            if let message = state.message {
                spans.append(Span.untrusted("  " + message.text, style(of: message.kind)))
            }
            return StyledLine(spans, background: .prompt)
        case .stepNote(_, let step, let input):
            return entry("Note on step \(step.index + 1): ", input, "Enter saves · Esc cancels")
        case .disposition(let targets, let choice):
            var spans = [Span(targets.count > 1 ? "Close \(targets.count) alerts as: " : "Close as: ", .prompt)]
            for (index, disposition) in Disposition.allCases.enumerated() {
                spans.append(Span("\(index + 1) \(disposition.label)", index == choice ? .selected : .prompt))
                spans.append(Span("  ", .prompt))
            }
            spans.append(Span("Enter picks · Esc cancels", .dim))
            return StyledLine(spans, background: .prompt)
        case .reason(_, let disposition, let input):
            return entry("Reason (\(disposition.label)): ", input, "Enter closes · Esc cancels")
        case .bulkMenu(let targets, let scope):
            return StyledLine(
                [
                    Span(
                        "Bulk action on \(targets.count) \(scope) alert\(targets.count == 1 ? "" : "s"): "
                            + "r reviewed · a acknowledge · c close · o reopen · Esc cancels", .prompt)
                ], background: .prompt)
        case .confirmBulk(let action, let targets):
            return StyledLine(
                [Span("\(describe(action)) for \(targets.count) alert\(targets.count == 1 ? "" : "s")? y/n", .warning)],
                background: .prompt)
        case .exportPath(let targets, let input):
            return entry(
                "Export \(targets.count) alert\(targets.count == 1 ? "" : "s") to: ", input,
                ".md or .json · Enter · Esc")
        case .overwrite(_, let path):
            return StyledLine(
                [Span("\(path) exists. Overwrite? y/n (n picks another name)", .warning)], background: .prompt)
        case .quit:
            let count = state.alertsWithUnsavedText
            let notes = "Unsaved note\(count == 1 ? "" : "s")"
            let alerts = "\(max(count, 1)) alert\(count > 1 ? "s" : "")"
            // Note drafts are on disk already; step notes and close reasons are not.
            let onlyNotes = state.stepNoteDrafts.isEmpty && state.reasonDrafts.isEmpty
            let question =
                onlyNotes
                ? "Quit? Drafts are kept and offered back next time. y/n"
                : "Quit and lose \(count > 1 ? "them" : "it") (note drafts are kept)? y/n"
            return StyledLine([Span("\(notes) on \(alerts). \(question)", .warning)], background: .prompt)
        }
    }

    static func describe(_ action: TriageAction) -> String {
        switch action {
        case .toggleReviewed: "Toggle reviewed"
        case .setReviewed(let flag): flag ? "Mark reviewed" : "Clear reviewed"
        case .setStatus(let status): status == .open ? "Reopen" : "Set \(status.rawValue)"
        case .close(let disposition, _): "Close as \(disposition.label)"
        case .setNotes: "Set notes"
        case .setStepDone: "Tick step"
        case .setStepNote: "Set step note"
        }
    }
}
