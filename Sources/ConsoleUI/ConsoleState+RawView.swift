import TerminalGrid

extension ConsoleState {
    /// The raw view's lines, while it is open.
    var rawLines: [RawRecordLine]? {
        if case .raw(let lines)? = overlay { return lines }
        return nil
    }

    /// Opens the raw view on `lines`, at the top, with no search.
    mutating func openRawView(_ lines: [RawRecordLine]) {
        overlay = .raw(lines: lines)
        overlayScroll = 0
        rawCursor = 0
        rawQuery = nil
        rawMatch = 0
    }

    /// Moves the raw view's cursor line by `delta` (clamped), scrolling to keep it in view.
    mutating func moveRawCursor(by delta: Int) {
        setRawCursor(rawCursor.addingClamped(delta))
    }

    /// Puts the cursor on `line` and scrolls the fewest lines that show all of it.
    mutating func setRawCursor(_ line: Int) {
        guard let lines = rawLines, !lines.isEmpty else { return }
        rawCursor = max(0, min(line, lines.count - 1))
        let layout = self.layout
        let (starts, total) = RawRecordText.displayStarts(lines, width: layout.overlay.width - 2)
        let first = starts[rawCursor]
        let end = rawCursor + 1 < starts.count ? starts[rawCursor + 1] : total
        let height = max(1, layout.overlayBodyHeight)
        if first < overlayScroll {
            overlayScroll = first
        } else if end > overlayScroll + height {
            overlayScroll = min(first, end - height)
        }
        overlayScroll = max(0, min(overlayScroll, max(0, total - height)))
    }

    /// `/` in the raw view: searches the record, not the alert list.
    mutating func openRawSearch() {
        prompt = .rawSearch(TextInput(rawQuery ?? ""))
    }

    /// Keys while the raw view's search prompt is open: typing highlights as you go and jumps
    /// to the first match, Enter keeps the search for `n`/`N`, Esc clears it.
    mutating func handleRawSearch(_ key: KeyEvent, command: ConsoleAction?, input: TextInput) {
        var input = input
        switch command {
        case .submit:
            closePrompt()
            searchRaw(input.text)
        case .back:
            closePrompt()
            clearRawSearch()
        default:
            guard edit(&input, with: command, key: key) else { return }
            prompt = .rawSearch(input)
            searchRaw(input.text)
        }
    }

    /// Esc in the raw view with a search: removes the highlights (a second Esc closes the view).
    mutating func clearRawSearch() {
        rawQuery = nil
        rawMatch = 0
        message = StatusMessage("Search cleared")
    }

    /// Highlights `query` and moves to its first match in the record.
    private mutating func searchRaw(_ query: String) {
        guard !query.isEmpty, let lines = rawLines else {
            rawQuery = nil
            message = nil
            return
        }
        rawQuery = query
        rawMatch = 0
        let matches = RawSearch.matches(of: query, in: lines)
        guard let first = matches.first else {
            message = StatusMessage("no match for \"\(query)\"", kind: .warning)
            return
        }
        setRawCursor(first.line)
        message = matchMessage(1, of: matches.count, query: query)
    }

    /// `n`/`N` in the raw view: the next or previous match, wrapping at either end.
    mutating func stepRawMatch(forward: Bool) {
        guard let query = rawQuery, let lines = rawLines else {
            message = StatusMessage("No search yet: press / to search the record", kind: .warning)
            return
        }
        let matches = RawSearch.matches(of: query, in: lines)
        guard !matches.isEmpty else {
            message = StatusMessage("no match for \"\(query)\"", kind: .warning)
            return
        }
        let next = rawMatch + (forward ? 1 : -1)
        let wrapped = next < 0 || next >= matches.count
        rawMatch = (next + matches.count) % matches.count
        setRawCursor(matches[rawMatch].line)
        message = matchMessage(rawMatch + 1, of: matches.count, query: query, wrapped: wrapped ? forward : nil)
    }

    private func matchMessage(_ index: Int, of count: Int, query: String, wrapped: Bool? = nil) -> StatusMessage {
        let text = "match \(index) of \(count) for \"\(query)\""
        guard let forward = wrapped else { return StatusMessage(text) }
        return StatusMessage(text + (forward ? " (wrapped to the top)" : " (wrapped to the bottom)"), kind: .warning)
    }
}
