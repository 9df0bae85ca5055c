import RelatedActivity
import TriageModel

extension ConsoleState {
    /// The events the related view lists for the selected alert in `window` (an index into
    /// ``relatedWindows``), in time order, after the follow-ups-only toggle.
    func relatedEvents(window: Int) -> [RelatedEvent] {
        guard let record = selectedRecord, !isIndexingRelatedActivity else { return [] }
        let span = Self.relatedWindows[max(0, min(window, Self.relatedWindows.count - 1))]
        return RelatedContent.events(for: record, window: span, followUpsOnly: relatedFollowUpsOnly)
    }

    /// Opens the related view positioned on the alert's own event, not at the top: a busy actor
    /// has thousands of events in a day and the one that matters is in the middle.
    mutating func openRelated() {
        overlay = .related(window: relatedWindow)
        positionRelatedCursorOnAlertEvent()
    }

    /// Puts the cursor on the alert's own event (or, when it is not listed, the first event at or
    /// after the alert's time) and scrolls it into view.
    mutating func positionRelatedCursorOnAlertEvent() {
        let events = relatedEvents(window: relatedWindow)
        let alertTime = selectedRecord?.originalTime ?? 0
        relatedCursor =
            events.firstIndex(where: \.isAlertEvent) ?? events.firstIndex { $0.event.time >= alertTime }
            ?? max(0, events.count - 1)
        overlayScroll = 0
        scrollRelatedCursorIntoView()
    }

    mutating func moveRelatedCursor(by delta: Int) {
        guard case .related(let window)? = overlay else { return }
        let count = relatedEvents(window: window).count
        relatedCursor = max(0, min(relatedCursor.addingClamped(delta), count - 1))
        scrollRelatedCursorIntoView()
    }

    /// Scrolls the related view just enough to show the cursor's row, keeping a few rows of
    /// context above it when it jumps.
    mutating func scrollRelatedCursorIntoView() {
        guard case .related(let window)? = overlay, let record = selectedRecord else { return }
        let layout = ConsoleLayout(size: size, alertCount: visible.count)
        let span = Self.relatedWindows[max(0, min(window, Self.relatedWindows.count - 1))]
        let row =
            RelatedContent.firstEventLine(for: record, window: span, indexing: isIndexingRelatedActivity)
            + relatedCursor
        let height = layout.overlayBodyHeight
        if row < overlayScroll {
            overlayScroll = max(0, row - 2)
        } else if row >= overlayScroll + height {
            overlayScroll = max(0, row - height + 3)
        }
        overlayScroll = max(0, min(overlayScroll, maxOverlayScroll))
    }

    /// Enter in the related view: the event under the cursor, in a view stacked on the list.
    mutating func openRelatedEvent() {
        guard case .related(let window)? = overlay else { return }
        let events = relatedEvents(window: window)
        guard events.indices.contains(relatedCursor) else {
            message = StatusMessage("No event to open", kind: .warning)
            return
        }
        overlay = .relatedEvent(window: window, events[relatedCursor])
        overlayScroll = 0
    }

    /// `f` in the related view: only the highlighted follow-ups, or every event again; the
    /// cursor stays on the same event when it is still listed.
    mutating func toggleFollowUpsOnly() {
        guard case .related(let window)? = overlay else { return }
        let before = relatedEvents(window: window)
        let current = before.indices.contains(relatedCursor) ? before[relatedCursor] : nil
        relatedFollowUpsOnly.toggle()
        let after = relatedEvents(window: window)
        if let current, let index = after.firstIndex(of: current) {
            relatedCursor = index
            scrollRelatedCursorIntoView()
        } else {
            positionRelatedCursorOnAlertEvent()
        }
        message = StatusMessage(
            relatedFollowUpsOnly
                ? "Follow-ups only: \(after.count) event\(after.count == 1 ? "" : "s") (f shows all)"
                : "All \(after.count) events")
    }
}
