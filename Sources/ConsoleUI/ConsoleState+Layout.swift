import TerminalGrid

extension ConsoleState {
    /// Where everything goes at the current size, zoom and list length.
    var layout: ConsoleLayout {
        ConsoleLayout(size: size, alertCount: visible.count, zoomed: zoomedPane)
    }

    /// The pane shown alone: the focused one while zoomed (Tab moves the zoom with the focus).
    public var zoomedPane: ConsolePane? { isZoomed ? focus : nil }

    /// Columns `←`/`→` move the list by.
    static let sideStep = 8

    /// The list's columns at the current width: fitted to it, or at full width once scrolled.
    var listColumns: ListColumns {
        ListColumns(width: size.columns, content: listContent, unclipped: listOffset > 0)
    }

    /// `z`: the focused pane alone, or every pane again.
    mutating func toggleZoom() {
        guard overlay == nil else { return }
        isZoomed.toggle()
        scrollListToSelection()
        message = StatusMessage(isZoomed ? "Zoomed: z shows every pane" : "Every pane shown")
    }

    /// Scrolls the list sideways, never past the end of its longest row. Scrolled, the columns
    /// are at full width, so what the fitted layout cut can be read; back at the left edge they
    /// fit the pane again.
    mutating func scrollList(by delta: Int) {
        let full = ListColumns(width: size.columns, content: listContent, unclipped: true)
        let widest = max(0, full.lineWidth - size.columns)
        guard widest > 0 else {
            listOffset = 0
            message = StatusMessage("Every column is whole: nothing to scroll sideways")
            return
        }
        listOffset = max(0, min(widest, listOffset + delta))
    }
}

extension ConsoleState {
    /// `time` shifted to the zone the console shows, for formatting with ``TimeText``.
    func displayedTime(_ time: Int64) -> Int64 {
        guard timeDisplay == .local else { return time }
        let (shifted, overflow) = time.addingReportingOverflow(Int64(localTimeZone.offsetSeconds(time)) * 1000)
        return overflow ? time : shifted
    }
}
