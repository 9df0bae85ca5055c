import TerminalGrid
import TriageModel

/// Draws a ``ConsoleState`` into a ``ScreenBuffer``. Pure: the same state and size always give
/// the same cells, which is what the snapshot tests compare.
///
/// Only what is on screen is computed: the list draws its visible rows, the panes the selected
/// alert, so a redraw costs the same with ten alerts or a hundred thousand.
public enum ConsoleRenderer {
    /// The screen for `state` at `size`.
    public static func render(_ state: ConsoleState, size: TerminalSize) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: size)
        let layout = ConsoleLayout(size: size, alertCount: state.visible.count, zoomed: state.zoomedPane)
        if layout.isTooSmall {
            drawTooSmall(into: &buffer, size: size)
            return buffer
        }
        drawHeader(state, layout: layout, into: &buffer)
        if state.overlay != nil {
            // An overlay covers everything between the header and the status bar.
            drawOverlay(state, layout: layout, into: &buffer)
        } else {
            if layout.shows(.list) { drawList(state, layout: layout, into: &buffer) }
            if layout.zoomed == nil {
                drawDivider(state, layout: layout, into: &buffer)
            } else if layout.zoomed != .list {
                drawZoomTitle(state, layout: layout, into: &buffer)
            }
            if layout.shows(.detail) { drawDetail(state, layout: layout, into: &buffer) }
            if layout.shows(.sidebar) { drawSidebar(state, layout: layout, into: &buffer) }
        }
        if case .rulePicker(let choices, let choice)? = state.prompt {
            drawRulePicker(choices, choice: choice, layout: layout, into: &buffer)
        }
        if case .note(let uuid, let input)? = state.prompt {
            drawNoteEditor(state, uuid: uuid, input: input, layout: layout, into: &buffer)
        }
        drawStatusBar(state, layout: layout, into: &buffer)
        return buffer
    }

    static func drawTooSmall(into buffer: inout ScreenBuffer, size: TerminalSize) {
        let minimum = ConsoleLayout.minimum
        let text = "terminal too small (need \(minimum.columns)x\(minimum.rows), have \(size.columns)x\(size.rows))"
        // Break before the sizes rather than inside them when the line does not fit.
        let lines =
            TextLayout.width(of: text) <= size.columns
            ? [text]
            : ["terminal too small"]
                + TextLayout.wrap(
                    "(need \(minimum.columns)x\(minimum.rows), have \(size.columns)x\(size.rows))",
                    width: max(1, size.columns))
        let top = max(0, (size.rows - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let left = max(0, (size.columns - TextLayout.width(of: line)) / 2)
            buffer.write(line, row: top + index, column: left, style: .warning)
        }
    }

    static func drawHeader(_ state: ConsoleState, layout: ConsoleLayout, into buffer: inout ScreenBuffer) {
        buffer.fill(row: layout.headerRow, style: .header)
        var parts = ["TrailTriage"]
        if let progress = state.progress {
            parts.append(progress.line)
            if !state.alerts.isEmpty {
                parts.append("\(state.visible.count) of \(state.alerts.count) alerts so far")
            }
        } else {
            parts.append("\(state.visible.count) of \(state.alerts.count) alerts")
        }
        if state.isIndexingRelatedActivity { parts.append(RelatedContent.indexingText) }
        if !state.filter.showsBuildingBlocks, state.buildingBlockCount > 0 {
            let count = state.buildingBlockCount
            parts.append("\(count) building block\(count == 1 ? "" : "s") hidden (B shows)")
        }
        let notRun = state.rulesNotRun
        if notRun > 0 { parts.append("\(notRun) rule\(notRun == 1 ? "" : "s") not run — L for rules") }
        if !state.marks.isEmpty { parts.append("\(state.marks.count) marked") }
        parts.append("sort: " + state.sortOrder.label)
        let filters = state.filter.summary
        if !filters.isEmpty { parts.append(filters) }
        if !state.searchQuery.isEmpty { parts.append("search: " + state.searchQuery) }
        buffer.write(parts.joined(separator: " · "), row: layout.headerRow, column: 0, style: .header)
    }

    static func drawDivider(_ state: ConsoleState, layout: ConsoleLayout, into buffer: inout ScreenBuffer) {
        let row = layout.dividerRow
        let rule = String(repeating: "─", count: layout.size.columns)
        buffer.write(rule, row: row, column: 0, style: .border)
        buffer.write("┬", row: row, column: layout.separatorColumn, style: .border)
        buffer.write(" Detail ", row: row, column: 1, style: state.focus == .detail ? .emphasis : .border)
        buffer.write(
            " Checklist ", row: row, column: layout.sidebar.left + 1,
            style: state.focus == .sidebar ? .emphasis : .border)
        for row in layout.detail.top..<layout.detail.bottom {
            buffer.write("│", row: row, column: layout.separatorColumn, style: .border)
        }
    }

    static func drawDetail(_ state: ConsoleState, layout: ConsoleLayout, into buffer: inout ScreenBuffer) {
        let pane = layout.detail
        guard let lines = state.detailLines(in: pane) else {
            buffer.write(
                state.progress == nil ? "No alert selected" : "Loading…", row: pane.top, column: pane.left + 1,
                width: pane.width - 1, style: .dim)
            return
        }
        let scroll = max(0, min(state.detailScroll, lines.count - pane.height))
        // The field cursor shows while the pane has focus: the lines of the value `y` copies.
        let ranges = DetailField.ranges(in: lines)
        let cursor =
            state.focus == .detail && state.overlay == nil && !ranges.isEmpty
            ? ranges[state.clampedDetailCursor(fieldCount: ranges.count)] : 0..<0
        for (offset, line) in lines.dropFirst(scroll).prefix(pane.height).enumerated() {
            var line = line
            if cursor.contains(scroll + offset) { line.background = .selected }
            buffer.draw(line, row: pane.top + offset, left: pane.left + 1, width: pane.width - 1)
        }
    }

    static func drawSidebar(_ state: ConsoleState, layout: ConsoleLayout, into buffer: inout ScreenBuffer) {
        let pane = layout.sidebar
        guard !state.isProvisional, let record = state.selectedRecord, let triage = state.selectedState else { return }
        let content = SidebarContent.lines(
            for: record, state: triage, cursor: state.stepCursor, focused: state.focus == .sidebar, width: pane.width
        )
        // Keep the cursor step on screen with a line of context above it.
        let scroll = max(0, min(content.cursorLine - 1, content.lines.count - pane.height))
        let top = content.cursorLine >= pane.height - 1 ? scroll : 0
        for (offset, line) in content.lines.dropFirst(top).prefix(pane.height).enumerated() {
            buffer.draw(line, row: pane.top + offset, left: pane.left, width: pane.width)
        }
    }
}
