import TerminalGrid

extension StyledLine {
    /// The line without its first `cells` cells, for scrolling the list sideways. A wide or
    /// escaped character cut by the edge becomes spaces, so later columns stay aligned.
    func droppingCells(_ cells: Int) -> StyledLine {
        guard cells > 0 else { return self }
        var remaining = cells
        var kept: [Span] = []
        for span in spans {
            guard remaining > 0 else {
                kept.append(span)
                continue
            }
            var text = Substring(span.text)
            while remaining > 0, let first = text.first {
                let width = TextLayout.width(of: first)
                text.removeFirst()
                if width > remaining {
                    text = Substring(String(repeating: " ", count: width - remaining)) + text
                    remaining = 0
                } else {
                    remaining -= width
                }
            }
            if !text.isEmpty { kept.append(Span(String(text), span.style)) }
        }
        return StyledLine(kept, background: background)
    }
}
