import TerminalGrid

extension ConsoleRenderer {
    /// The rule pick list, in a box over the lower panes: each rule with its alert count, the
    /// highlighted line kept on screen.
    static func drawRulePicker(
        _ choices: [RuleChoice], choice: Int, layout: ConsoleLayout, into buffer: inout ScreenBuffer
    ) {
        let top = max(1, min(layout.dividerRow, layout.statusRow - 6))
        let frame = Rect(top: top, left: 0, height: layout.statusRow - top, width: layout.size.columns)
        let height = frame.height - 2
        guard height > 0 else { return }
        let countWidth = String(choices.map(\.count).max() ?? 0).count
        let scroll = max(0, min(choice - height / 2, choices.count - height))
        drawBox(
            frame, title: "Filter by rule", footer: "\(choice + 1) of \(choices.count) · Enter picks · Esc cancels",
            into: &buffer)
        for (offset, index) in choices.indices.dropFirst(scroll).prefix(height).enumerated() {
            let entry = choices[index]
            let count = String(entry.count)
            let padded = String(repeating: " ", count: countWidth - count.count) + count
            let line = StyledLine(
                [
                    Span(" " + padded + "  ", .dim),
                    Span.untrusted(entry.name ?? "All rules", entry.name == nil ? .emphasis : .normal),
                ],
                background: index == choice ? .selected : nil)
            buffer.draw(line, row: frame.top + 1 + offset, left: frame.left + 1, width: frame.width - 2)
        }
    }

    /// The title row above a zoomed detail or checklist pane.
    static func drawZoomTitle(_ state: ConsoleState, layout: ConsoleLayout, into buffer: inout ScreenBuffer) {
        let row = layout.dividerRow
        buffer.write(String(repeating: "─", count: layout.size.columns), row: row, column: 0, style: .border)
        let title =
            state.focus == .sidebar ? " Checklist (zoomed: z for all panes) " : " Detail (zoomed: z for all panes) "
        buffer.write(title, row: row, column: 1, style: .emphasis)
    }
}
