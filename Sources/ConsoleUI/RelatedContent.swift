import RelatedActivity
import TerminalGrid
import TrailTriageJSON
import TriageModel

/// The related-activity view: the actor's events around the alert in time order, follow-ups
/// the guides name highlighted, the alert's own event marked, and when the actor was first
/// seen doing this action.
enum RelatedContent {
    /// What stands in for related activity while its index is built.
    static let indexingText = "related activity: indexing…"

    /// The events listed for `record` in `window`, in time order: the actor's events, or a
    /// group alert's own events (no window applies to those); with `followUpsOnly`, only the
    /// follow-ups the guides name and the alert's own event(s).
    static func events(for record: AlertRecord, window: Int64, followUpsOnly: Bool = false) -> [RelatedEvent] {
        let events =
            record.isGroupAlert
            ? record.relatedActivity.filter { $0.relation.contains(.member) }
            : record.relatedActivity.filter {
                $0.event.time.distance(magnitudeTo: record.originalTime) <= window.magnitude
            }
        return followUpsOnly ? events.filter { $0.isFollowUp || $0.isAlertEvent } : events
    }

    /// The line of ``lines(for:window:indexing:width:cursor:followUpsOnly:)`` holding the first
    /// event, so the view can scroll to the cursor.
    static func firstEventLine(for record: AlertRecord, window: Int64, indexing: Bool) -> Int {
        lines(for: record, window: window, indexing: indexing, width: 80, stoppingAtEvents: true).count
    }

    static func lines(
        for record: AlertRecord, window: Int64, indexing: Bool = false, width: Int, cursor: Int? = nil,
        followUpsOnly: Bool = false
    ) -> [StyledLine] {
        lines(
            for: record, window: window, indexing: indexing, width: width, cursor: cursor,
            followUpsOnly: followUpsOnly, stoppingAtEvents: false)
    }

    private static func lines(
        for record: AlertRecord, window: Int64, indexing: Bool, width: Int, cursor: Int? = nil,
        followUpsOnly: Bool = false, stoppingAtEvents: Bool
    ) -> [StyledLine] {
        if record.isGroupAlert {
            return memberLines(
                for: record, indexing: indexing, width: width, cursor: cursor, followUpsOnly: followUpsOnly,
                stoppingAtEvents: stoppingAtEvents)
        }
        var lines: [StyledLine] = []
        let actor = record.actorText ?? ""
        lines.append(StyledLine([Span("Actor: "), Span.untrusted(actor.isEmpty ? "unknown" : actor, .emphasis)]))
        lines.append(
            StyledLine(
                "Window: ±\(HumanDuration.format(seconds: Int(window / 1000))) around "
                    + TimeText.dateTime(record.originalTime) + " UTC (w changes it)"))
        guard !indexing else {
            lines.append(.blank)
            lines.append(StyledLine(indexingText + " (it fills in here when ready)", .dim))
            return lines
        }
        lines.append(firstSeenLine(record))
        lines.append(.blank)

        let events = Self.events(for: record, window: window, followUpsOnly: followUpsOnly)
        let columns = RelatedColumns(width: width, events: events, alertTime: record.originalTime)
        lines.append(StyledLine(columns.header, .header))
        if stoppingAtEvents { return lines }
        if events.isEmpty {
            lines.append(
                StyledLine(
                    followUpsOnly
                        ? "  no follow-ups by this actor in the window (f shows every event)"
                        : "  no other events by this actor in the window", .dim))
        }
        lines += eventLines(events, record: record, columns: columns, cursor: cursor)
        lines.append(.blank)
        lines.append(StyledLine(legend("▶ the alert's event"), .dim))
        return lines
    }

    /// A group alert's own events (a threshold group's counted events, a sequence's events, the
    /// events behind an ES|QL row), in time order; no window applies, as they are the alert.
    private static func memberLines(
        for record: AlertRecord, indexing: Bool, width: Int, cursor: Int?, followUpsOnly: Bool,
        stoppingAtEvents: Bool
    ) -> [StyledLine] {
        let total = record.members.count
        var lines = [
            StyledLine([
                Span("Actor: "), Span.untrusted(record.actorText ?? "not one actor (see each event)", .emphasis),
            ]),
            StyledLine(
                "The alert's \(total) event\(total == 1 ? "" : "s"), in time order (times relative to the last)"),
        ]
        guard !indexing else {
            lines.append(.blank)
            lines.append(StyledLine(indexingText + " (it fills in here when ready)", .dim))
            return lines
        }
        let all = record.relatedActivity.filter { $0.relation.contains(.member) }
        if all.count < total {
            lines.append(StyledLine("\(total - all.count) of them are not in the loaded data", .warning))
        }
        lines.append(.blank)
        let events = Self.events(for: record, window: 0, followUpsOnly: followUpsOnly)
        let columns = RelatedColumns(width: width, events: events, alertTime: record.originalTime)
        lines.append(StyledLine(columns.header, .header))
        if stoppingAtEvents { return lines }
        lines += eventLines(events, record: record, columns: columns, cursor: cursor)
        lines.append(.blank)
        lines.append(StyledLine(legend("▶ an event of this alert"), .dim))
        return lines
    }

    private static func legend(_ own: String) -> String {
        own + "   ★ follow-up named by the investigation guides   j/k move · Enter opens · f follow-ups only"
    }

    private static func eventLines(
        _ events: [RelatedEvent], record: AlertRecord, columns: RelatedColumns, cursor: Int?
    ) -> [StyledLine] {
        events.enumerated().map { index, related in
            var line = eventLine(related, record: record, columns: columns)
            if index == cursor { line.background = .selected }
            return line
        }
    }

    /// One event's row. Action, outcome, target and source come from the log: each is its own
    /// untrusted span, so a value holding control characters is shown escaped and marked.
    static func eventLine(_ related: RelatedEvent, record: AlertRecord, columns: RelatedColumns) -> StyledLine {
        let style: StyleRole = related.isAlertEvent ? .emphasis : related.isFollowUp ? .highlight : .normal
        let event = related.event
        let time = columns.showsFullTime ? TimeText.dateTime(event.time) : TimeText.short(event.time)
        return StyledLine([
            Span(related.isAlertEvent ? "▶ " : related.isFollowUp ? "★ " : "  ", style),
            Span(TextLayout.fit(time, columns.time) + " ", style),
            Span(
                TextLayout.fit(TimeText.offset(event.time, from: record.originalTime), columns.offset) + " ",
                style),
            Span.untrusted(TextLayout.fit(event.action, columns.action), style), Span(" ", style),
            Span.untrusted(TextLayout.fit(event.outcome, columns.outcome), style), Span(" ", style),
            Span(TextLayout.fit(related.relation.label, columns.relation) + " ", style),
            // Cut in the middle, as ARNs end in the resource's name.
            Span.untrusted(TextLayout.fit(TextLayout.clipMiddle(event.target, columns.target), columns.target), style),
            Span(" ", style),
            Span.untrusted(TextLayout.clipMiddle(event.source, columns.source), style),
        ])
    }

    private static func firstSeenLine(_ record: AlertRecord) -> StyledLine {
        let action = record.actionText ?? record.action
        guard let first = record.firstSeen else {
            return StyledLine("First seen doing \(action): not in the loaded data", .dim)
        }
        let eventID = record.flatJSON["event.id"]?.stringValue ?? ""
        let when = TimeText.dateTime(first.time) + " UTC"
        if (!eventID.isEmpty && first.eventID == eventID) || first.time == record.originalTime {
            return StyledLine([
                Span("First seen doing \(action): "), Span(when + " (this alert's event: first time)", .warning),
            ])
        }
        let offset = TimeText.offset(first.time, from: record.originalTime)
        return StyledLine("First seen doing \(action): \(when) (\(offset) from this alert)")
    }
}
