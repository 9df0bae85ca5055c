import TerminalGrid
import TriageModel

extension ConsoleRenderer {
    static func drawList(_ state: ConsoleState, layout: ConsoleLayout, into buffer: inout ScreenBuffer) {
        let pane = layout.list
        let columns = ListColumns(width: pane.width)
        var titles = [
            "  " + TextLayout.fit("TIME (UTC)", columns.time), TextLayout.fit("SEVERITY", columns.severity),
            TextLayout.fit("RULE", columns.rule), TextLayout.fit("ACTOR", columns.actor),
            TextLayout.fit("ACTION", columns.action),
        ]
        if columns.accountRegion > 0 { titles.append(TextLayout.fit("ACCOUNT/REGION", columns.accountRegion)) }
        titles.append("STATUS")
        buffer.fill(row: pane.top, style: .header)
        buffer.write(titles.joined(separator: " "), row: pane.top, column: 0, style: .header)

        let body = layout.listBody
        guard !state.visible.isEmpty else {
            let text =
                state.progress != nil
                ? "Loading…"
                : state.alerts.isEmpty ? "No alerts." : "No alerts match the filters (Esc clears them)."
            buffer.write(text, row: body.top, column: 2, style: .dim)
            return
        }
        let top = ConsoleState.scrollTop(
            current: state.listScroll, selection: state.selection, count: state.visible.count, height: body.height)
        for offset in 0..<min(body.height, state.visible.count - top) {
            let index = top + offset
            let position = state.visible[index]
            let selected = index == state.selection
            let background: StyleRole? =
                selected ? (state.focus == .list && state.overlay == nil ? .selected : .selectedInactive) : nil
            let line = rowLine(state, position: position, columns: columns, background: background)
            buffer.draw(line, row: body.top + offset, left: 0, width: body.width)
        }
    }

    private static func rowLine(_ state: ConsoleState, position: Int, columns: ListColumns, background: StyleRole?)
        -> StyledLine
    {
        let row = state.rows[position]
        let triage = state.states[position]
        let mark = state.marks.contains(position) ? "*" : " "
        let reviewed = triage.reviewed ? "✓" : " "
        let time = columns.showsFullTime ? TimeText.dateTime(row.time) : TimeText.short(row.time)
        var spans = [
            Span(mark, .warning), Span(reviewed, .success),
            Span(TextLayout.fit(time, columns.time) + " "),
            Span(TextLayout.fit(row.severity.label, columns.severity), row.severity.style), Span(" "),
            Span(TextLayout.fit(row.ruleName, columns.rule) + " "),
            Span.untrusted(TextLayout.fit(TextLayout.clipMiddle(row.actor, columns.actor), columns.actor)), Span(" "),
            Span.untrusted(TextLayout.fit(row.action, columns.action)), Span(" "),
        ]
        if columns.accountRegion > 0 {
            spans.append(Span.untrusted(TextLayout.fit(row.accountRegion, columns.accountRegion)))
            spans.append(Span(" "))
        }
        spans.append(Span(StatusText.short(triage), triage.status == .closed ? .dim : .normal))
        return StyledLine(spans, background: background)
    }
}
