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
        let columns = Columns(width: width)
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
        let columns = Columns(width: width)
        lines.append(StyledLine(columns.header, .header))
        if stoppingAtEvents { return lines }
        let events = Self.events(for: record, window: 0, followUpsOnly: followUpsOnly)
        lines += eventLines(events, record: record, columns: columns, cursor: cursor)
        lines.append(.blank)
        lines.append(StyledLine(legend("▶ an event of this alert"), .dim))
        return lines
    }

    private static func legend(_ own: String) -> String {
        own + "   ★ follow-up named by the investigation guides   j/k move · Enter opens · f follow-ups only"
    }

    private static func eventLines(
        _ events: [RelatedEvent], record: AlertRecord, columns: Columns, cursor: Int?
    ) -> [StyledLine] {
        events.enumerated().map { index, related in
            var line = eventLine(related, record: record, columns: columns)
            if index == cursor { line.background = .selected }
            return line
        }
    }

    private static func eventLine(_ related: RelatedEvent, record: AlertRecord, columns: Columns) -> StyledLine {
        let style: StyleRole = related.isAlertEvent ? .emphasis : related.isFollowUp ? .highlight : .normal
        let event = related.event
        let cells = [
            (related.isAlertEvent ? "▶ " : related.isFollowUp ? "★ " : "  "),
            TextLayout.fit(TimeText.dateTime(event.time), 19) + " ",
            TextLayout.fit(TimeText.offset(event.time, from: record.originalTime), 8) + " ",
            TextLayout.fit(event.action, columns.action) + " ",
            TextLayout.fit(event.outcome, 8) + " ",
            TextLayout.fit(related.relation.label, 12) + " ",
            TextLayout.clipMiddle(event.source, columns.source),
        ]
        return StyledLine([Span(cells.joined(), style)])
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

    /// Column widths for a view `width` cells wide.
    struct Columns {
        var action: Int
        var source: Int

        init(width: Int) {
            let fixed = 2 + 20 + 9 + 9 + 13
            let rest = max(10, width - fixed)
            action = max(10, min(24, rest / 2))
            source = max(4, rest - action - 1)
        }

        var header: String {
            "  " + TextLayout.fit("TIME (UTC)", 19) + " " + TextLayout.fit("OFFSET", 8) + " "
                + TextLayout.fit("ACTION", action)
                + " " + TextLayout.fit("OUTCOME", 8) + " " + TextLayout.fit("RELATION", 12) + " SOURCE"
        }
    }
}
