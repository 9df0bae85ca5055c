import TerminalGrid

extension ConsoleState {
    /// Rows one wheel step moves.
    static let wheelStep = 3

    /// A click focuses the pane under it (and in the list selects the row); the wheel scrolls
    /// the pane or view under the pointer. Prompts ignore the mouse: they are answered by keys.
    mutating func handleMouse(_ event: MouseEvent) {
        guard prompt == nil else { return }
        if overlay != nil {
            if event.kind != .press { wheel(event.kind) }
            return
        }
        let layout = self.layout
        guard let pane = pane(at: event, in: layout) else { return }
        message = nil
        switch event.kind {
        case .press:
            focus = pane
            if pane == .list {
                let body = layout.listBody
                let top = Self.scrollTop(
                    current: listScroll, selection: selection, count: visible.count, height: body.height)
                let index = top + event.row - body.top
                if event.row >= body.top, index < visible.count { select(index) }
            }
        case .wheelUp, .wheelDown:
            focus = pane
            wheel(event.kind)
        }
    }

    private mutating func wheel(_ kind: MouseEvent.Kind) {
        for _ in 0..<Self.wheelStep {
            _ = perform(kind == .wheelUp ? .moveUp : .moveDown)
        }
    }

    /// The pane drawn at the event's cell, if any.
    private func pane(at event: MouseEvent, in layout: ConsoleLayout) -> ConsolePane? {
        let list = layout.list
        if layout.shows(.list), list.height > 0, event.row >= list.top, event.row < list.bottom { return .list }
        for pane in [ConsolePane.detail, .sidebar] where layout.shows(pane) {
            let rect = pane == .detail ? layout.detail : layout.sidebar
            if rect.width > 0, event.row >= rect.top, event.row < rect.bottom, event.column >= rect.left,
                event.column < rect.right
            {
                return pane
            }
        }
        return nil
    }
}
