import ECSMapping
import RelatedActivity
import TerminalGrid
import TrailTriageJSON
import TriageModel

/// One event opened from the related view: every field the index keeps for it, and its mapped
/// document when the scan kept one (CreateTrustAnchor). The index keeps a summary of each event,
/// not its record, so the view says so rather than showing less than it seems to.
enum RelatedEventText {
    static func lines(for related: RelatedEvent, alertTime: Int64?, width: Int) -> [StyledLine] {
        let event = related.event
        var lines: [StyledLine] = []
        let mark = related.isAlertEvent ? " · the alert's own event" : related.isFollowUp ? " · ★ follow-up" : ""
        lines.append(StyledLine([Span.untrusted(event.action, .emphasis), Span(mark, .highlight)]))
        var when = TimeText.dateTime(event.time) + " UTC"
        if let alertTime { when += " (" + TimeText.offset(event.time, from: alertTime) + " from the alert)" }
        lines.append(StyledLine(when))
        lines.append(.blank)
        let fields: [(String, String)] = [
            ("event.id", event.eventID), ("event.provider", event.provider), ("event.action", event.action),
            ("event.outcome", event.outcome), ("user_identity.arn", event.actorARN),
            ("access_key_id", event.accessKeyID), ("principal (session)", event.sessionID),
            ("cloud.account.id", event.account), ("cloud.region", event.region), ("source.address", event.source),
            ("target (request)", event.target), ("relation to the alert", related.relation.label),
        ]
        if let anchor = event.trustAnchor {
            lines += field(
                lines: fields + [
                    ("trust anchor", anchor.name), ("trust anchor arn", anchor.arn), ("source type", anchor.sourceType),
                    ("certificate authority", anchor.certificateAuthorityARN),
                ], width: width)
        } else {
            lines += field(lines: fields, width: width)
        }
        lines.append(.blank)
        if let document = event.document {
            lines.append(StyledLine("Mapped document (ECS)", .header))
            for text in RawRecordText.pretty(.object(document.root)).map(\.text) {
                lines += TextLayout.wrap(text, width: max(1, width)).map { StyledLine([Span.untrusted($0)]) }
            }
        } else if related.isAlertEvent {
            lines.append(StyledLine("This is the alert's event: Esc, Esc then R shows its whole record", .dim))
        } else {
            lines.append(
                StyledLine(
                    "The console's index keeps these fields of each event, not its whole record", .dim))
        }
        lines.append(StyledLine("Esc returns to the related activity", .dim))
        return lines
    }

    private static func field(lines fields: [(String, String)], width: Int) -> [StyledLine] {
        let label = (fields.map { $0.0.count }.max() ?? 0) + 2
        return fields.flatMap { name, value -> [StyledLine] in
            let shown = value.isEmpty ? "—" : value
            let wrapped = TextLayout.wrap(shown, width: max(1, width - label - 2))
            return wrapped.enumerated().map { index, part in
                StyledLine([
                    Span("  " + TextLayout.fit(index == 0 ? name : "", label), .dim), Span.untrusted(part),
                ])
            }
        }
    }
}
