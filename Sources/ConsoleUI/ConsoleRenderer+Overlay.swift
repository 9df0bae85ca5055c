import TerminalGrid
import TriageModel

extension ConsoleRenderer {
    /// A framed view over the panes, with the visible line range in the bottom border.
    static func drawOverlay(_ state: ConsoleState, layout: ConsoleLayout, into buffer: inout ScreenBuffer) {
        let frame = layout.overlay
        let inner = frame.width - 2
        let lines = state.overlayLines(width: inner)
        let height = layout.overlayBodyHeight
        let scroll = max(0, min(state.overlayScroll, lines.count - height))
        let range = lines.isEmpty ? "empty" : "\(scroll + 1)-\(min(lines.count, scroll + height)) of \(lines.count)"
        drawBox(frame, title: state.overlayTitle, footer: range + " · Esc closes", into: &buffer)
        for (offset, line) in lines.dropFirst(scroll).prefix(height).enumerated() {
            buffer.draw(line, row: frame.top + 1 + offset, left: frame.left + 1, width: inner)
        }
    }

    /// The multi-line note editor, in a box over the lower panes.
    static func drawNoteEditor(
        _ state: ConsoleState, uuid: String, input: TextInput, layout: ConsoleLayout, into buffer: inout ScreenBuffer
    ) {
        let frame = Rect(
            top: layout.detail.top - 1, left: 0, height: layout.detail.height + 1, width: layout.size.columns)
        let inner = frame.width - 2
        // The note's own alert, which need not be the selected one.
        let action = state.positionByUUID[uuid].map { state.alerts[$0].action } ?? ""
        drawBox(
            frame, title: "Notes · \(action) \(uuid.prefix(8))",
            footer: "Ctrl-D saves · Ctrl-X $EDITOR · Esc leaves, keeping the draft",
            into: &buffer)
        // The cursor is drawn as a bar where it stands, so the lines scroll to keep it in view.
        let (before, after) = input.split
        let lines = TextLayout.wrap(String(before) + "▏" + String(after), width: max(1, inner - 1), newlines: true)
        let height = frame.height - 2
        let cursorLine = lines.firstIndex { $0.contains("▏") } ?? max(0, lines.count - 1)
        let end = max(cursorLine + 1, min(lines.count, height))
        for (offset, line) in lines[max(0, end - height)..<min(lines.count, end)].enumerated() {
            buffer.draw(
                StyledLine([Span.untrusted(line)]), row: frame.top + 1 + offset, left: frame.left + 1, width: inner)
        }
    }

    static func drawBox(_ frame: Rect, title: String, footer: String, into buffer: inout ScreenBuffer) {
        guard frame.height >= 2, frame.width >= 2 else { return }
        for row in frame.top..<frame.bottom {
            buffer.fill(row: row, column: frame.left, width: frame.width, style: .normal)
        }
        let horizontal = String(repeating: "─", count: frame.width - 2)
        buffer.write("┌" + horizontal + "┐", row: frame.top, column: frame.left, style: .border)
        buffer.write("└" + horizontal + "┘", row: frame.bottom - 1, column: frame.left, style: .border)
        for row in (frame.top + 1)..<(frame.bottom - 1) {
            buffer.write("│", row: row, column: frame.left, style: .border)
            buffer.write("│", row: row, column: frame.right - 1, style: .border)
        }
        buffer.write(" " + title + " ", row: frame.top, column: frame.left + 2, width: frame.width - 4, style: .header)
        let footerText = " " + footer + " "
        let footerLeft = max(frame.left + 2, frame.right - 2 - TextLayout.width(of: footerText))
        buffer.write(
            footerText, row: frame.bottom - 1, column: footerLeft, width: frame.right - 2 - footerLeft, style: .dim)
    }
}
