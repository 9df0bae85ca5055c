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

    static func lines(for record: AlertRecord, window: Int64, indexing: Bool = false, width: Int) -> [StyledLine] {
        if record.isGroupAlert { return memberLines(for: record, indexing: indexing, width: width) }
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

        let events = record.relatedActivity.filter {
            $0.event.time.distance(magnitudeTo: record.originalTime) <= window.magnitude
        }
        let columns = Columns(width: width)
        lines.append(StyledLine(columns.header, .header))
        if events.isEmpty {
            lines.append(StyledLine("  no other events by this actor in the window", .dim))
        }
        lines += events.map { eventLine($0, record: record, columns: columns) }
        lines.append(.blank)
        lines.append(StyledLine("▶ the alert's event   ★ follow-up named by the investigation guides", .dim))
        return lines
    }

    /// A group alert's own events (a threshold group's counted events, a sequence's events, the
    /// events behind an ES|QL row), in time order; no window applies, as they are the alert.
    private static func memberLines(for record: AlertRecord, indexing: Bool, width: Int) -> [StyledLine] {
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
        let events = record.relatedActivity.filter { $0.relation.contains(.member) }
        if events.count < total {
            lines.append(StyledLine("\(total - events.count) of them are not in the loaded data", .warning))
        }
        lines.append(.blank)
        let columns = Columns(width: width)
        lines.append(StyledLine(columns.header, .header))
        lines += events.map { eventLine($0, record: record, columns: columns) }
        lines.append(.blank)
        lines.append(StyledLine("▶ an event of this alert   ★ follow-up named by the investigation guides", .dim))
        return lines
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
