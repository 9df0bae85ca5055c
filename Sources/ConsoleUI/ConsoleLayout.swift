import TerminalGrid

/// A rectangle of cells.
struct Rect: Sendable, Hashable {
    var top: Int
    var left: Int
    var height: Int
    var width: Int

    var bottom: Int { top + height }
    var right: Int { left + width }
}

/// Where each part of the screen goes at a given terminal size.
///
/// Header on the first row, hint bar on the last; the alert list takes the upper part of the
/// body, then a divider row with pane titles, then the detail pane beside the sidebar.
struct ConsoleLayout: Sendable, Hashable {
    /// Below this the console shows only a message saying so.
    static let minimum = TerminalSize(rows: 15, columns: 60)

    let size: TerminalSize
    /// Alerts listed: a short list takes only the rows it needs, leaving the rest to the panes.
    var alertCount = Int.max
    /// The pane zoomed to the whole body (`z`), if any; the others then take no room.
    var zoomed: ConsolePane?

    /// Whether `pane` is on screen.
    func shows(_ pane: ConsolePane) -> Bool { zoomed == nil || zoomed == pane }

    var isTooSmall: Bool { size.rows < Self.minimum.rows || size.columns < Self.minimum.columns }

    var headerRow: Int { 0 }
    var statusRow: Int { size.rows - 1 }

    /// Rows between header and status bar.
    private var bodyHeight: Int { max(0, size.rows - 2) }

    /// The list pane including its column-title row.
    var list: Rect {
        switch zoomed {
        case .list?: return Rect(top: 1, left: 0, height: bodyHeight, width: size.columns)
        case .detail?, .sidebar?: return Rect(top: 1, left: 0, height: 0, width: size.columns)
        case nil: break
        }
        // An 80x24 terminal has 22 body rows: the list gets 8 (7 alerts), the panes 13.
        let rows = min(bodyHeight * 2 / 5, alertCount.addingClamped(1))
        return Rect(top: 1, left: 0, height: max(4, rows), width: size.columns)
    }

    /// The list rows that show alerts.
    var listBody: Rect {
        let pane = list
        return Rect(top: pane.top + 1, left: 0, height: max(0, pane.height - 1), width: pane.width)
    }

    var dividerRow: Int { list.bottom }

    private var lowerTop: Int { dividerRow + 1 }
    private var lowerHeight: Int { max(0, statusRow - lowerTop) }

    var sidebarWidth: Int {
        switch zoomed {
        case .sidebar?: size.columns
        case .detail?: 0
        case .list?, nil: max(24, size.columns * 3 / 8)
        }
    }

    var detail: Rect {
        if zoomed == .detail { return Rect(top: lowerTop, left: 0, height: lowerHeight, width: size.columns) }
        if zoomed == .sidebar { return Rect(top: lowerTop, left: 0, height: lowerHeight, width: 0) }
        return Rect(top: lowerTop, left: 0, height: lowerHeight, width: max(0, size.columns - sidebarWidth - 1))
    }

    /// The column of the vertical rule between detail and sidebar.
    var separatorColumn: Int { detail.right }

    var sidebar: Rect {
        if zoomed == .sidebar { return Rect(top: lowerTop, left: 0, height: lowerHeight, width: size.columns) }
        return Rect(top: lowerTop, left: separatorColumn + 1, height: lowerHeight, width: sidebarWidth)
    }

    /// The full-screen views: everything between header and status bar.
    var overlay: Rect {
        Rect(top: 1, left: 0, height: bodyHeight, width: size.columns)
    }

    /// Lines of content an overlay shows inside its frame.
    var overlayBodyHeight: Int { max(0, overlay.height - 2) }
}
