import TerminalGrid
import TriageModel

extension ConsoleRenderer {
    static func drawList(_ state: ConsoleState, layout: ConsoleLayout, into buffer: inout ScreenBuffer) {
        let pane = layout.list
        guard pane.height > 0 else { return }
        let columns = ListColumns(width: pane.width, content: state.listContent, unclipped: state.listOffset > 0)
        // The offset is clamped here too, so a resize never leaves the list scrolled past its end.
        let offset = max(0, min(state.listOffset, columns.lineWidth - pane.width))
        var titles = [
            "  " + TextLayout.fit("TIME (\(timeZoneTitle(state)))", columns.time),
            TextLayout.fit("SEVERITY", columns.severity),
            TextLayout.fit("RULE", columns.rule), TextLayout.fit("ACTOR", columns.actor),
            TextLayout.fit("ACTION", columns.action),
        ]
        if columns.accountRegion > 0 { titles.append(TextLayout.fit("ACCOUNT/REGION", columns.accountRegion)) }
        titles.append("STATUS")
        buffer.fill(row: pane.top, style: .header)
        buffer.draw(
            StyledLine([Span(titles.joined(separator: " "), .header)]).droppingCells(offset), row: pane.top, left: 0,
            width: pane.width)
        if offset > 0 {
            buffer.write("◀", row: pane.top, column: 0, style: .emphasis)
        }
        if columns.lineWidth - offset > pane.width {
            buffer.write("▶", row: pane.top, column: pane.width - 1, style: .emphasis)
        }

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
        for row in 0..<min(body.height, state.visible.count - top) {
            let index = top + row
            let position = state.visible[index]
            let selected = index == state.selection
            let background: StyleRole? =
                selected ? (state.focus == .list && state.overlay == nil ? .selected : .selectedInactive) : nil
            let line = rowLine(state, position: position, columns: columns, background: background)
            buffer.draw(line.droppingCells(offset), row: body.top + row, left: 0, width: body.width)
        }
    }

    /// `UTC`, or the local zone's name, for the time column's title.
    static func timeZoneTitle(_ state: ConsoleState) -> String {
        state.timeDisplay == .utc ? "UTC" : state.localTimeZone.name
    }

    private static func rowLine(_ state: ConsoleState, position: Int, columns: ListColumns, background: StyleRole?)
        -> StyledLine
    {
        let row = state.rows[position]
        let triage = state.states[position]
        // The mark column also flags an engine's alert that the re-check disagrees with; a mark
        // wins there, and the detail pane still says why.
        let mark = state.marks.contains(position) ? "*" : row.disagreesOnRecheck ? "!" : " "
        let reviewed = triage.reviewed ? "✓" : " "
        let shown = state.displayedTime(row.time)
        let time = columns.showsFullTime ? TimeText.dateTime(shown) : TimeText.short(shown)
        var spans = [
            Span(mark, .warning), Span(reviewed, .success),
            Span(TextLayout.fit(time, columns.time) + " "),
            Span(TextLayout.fit(row.severity.label, columns.severity), row.severity.style), Span(" "),
            Span.untrusted(TextLayout.fit(row.ruleName, columns.rule) + " "),
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
