import TerminalGrid

extension ConsoleState {
    /// `/` filters the list as you type: every listed alert then contains the text in one of
    /// its searchable fields. Enter keeps the filter (and the text for `n`/`N`), Esc puts back
    /// the filter from before the prompt opened.
    mutating func openSearch() {
        textFilterBefore = filter.text
        prompt = .search(TextInput(filter.text ?? ""), origin: selection)
    }

    mutating func handleSearch(_ key: KeyEvent, command: ConsoleAction?, input: TextInput, origin: Int) {
        var input = input
        switch command {
        case .submit:
            closePrompt()
            searchQuery = input.text
            filter.text = input.text.isEmpty ? nil : input.text
            refreshList(keeping: selectedPosition)
            if visible.isEmpty, !input.text.isEmpty {
                message = StatusMessage("No alert contains \"\(input.text)\" (Esc clears filters)", kind: .warning)
            } else if !input.text.isEmpty {
                message = StatusMessage("\(visible.count) of \(alerts.count) alerts contain \"\(input.text)\"")
            }
        case .back:
            closePrompt()
            filter.text = textFilterBefore
            refreshList(keeping: nil)
            select(origin)
            message = nil
        default:
            guard edit(&input, with: command, key: key) else { return }
            prompt = .search(input, origin: origin)
            filter.text = input.text.isEmpty ? nil : input.text
            refreshList(keeping: selectedPosition)
            message =
                input.text.isEmpty
                ? nil
                : StatusMessage(
                    "\(visible.count) of \(alerts.count) match", kind: visible.isEmpty ? .warning : .info)
        }
    }
}
