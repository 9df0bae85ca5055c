import TrailTriageJSON

extension ConsoleState {
    /// `|`: the raw record in `$PAGER`. From the detail pane the record is read (and the raw view
    /// opened) first; the pager then shows it.
    mutating func pageRaw() -> [ConsoleEffect] {
        if rawLines != nil { return pagerEffects() }
        guard overlay == nil, let record = requireSelection() else { return [] }
        pagesRawWhenRead = true
        let effects = showRaw(record)
        // A record without a source location opened at once, with nothing to wait for.
        if effects.isEmpty {
            pagesRawWhenRead = false
            return pagerEffects()
        }
        return effects
    }

    /// The raw view's text for the pager: every line made visible as on screen, so a control
    /// character from the log cannot act on the pager's terminal.
    func pagerEffects() -> [ConsoleEffect] {
        guard let lines = rawLines else { return [] }
        return [.page(text: lines.map { UnsafeText.visible($0.text) }.joined(separator: "\n") + "\n")]
    }

    /// `y` in the raw view: the highlighted line's value, escaped as shown.
    mutating func copyRawValue() -> [ConsoleEffect] {
        guard let lines = rawLines, lines.indices.contains(rawCursor) else {
            message = StatusMessage("Nothing to copy here: y copies a value in the raw view (R)", kind: .warning)
            return []
        }
        guard let value = lines[rawCursor].value else {
            message = StatusMessage("This line holds no value to copy: move to a field (j/k)", kind: .warning)
            return []
        }
        let text = UnsafeText.visible(value)
        message = StatusMessage("Copied \(text.count) characters: \(text)")
        return [.copy(text: text)]
    }
}
