import Alerts
import TerminalGrid
import TriageModel

/// The audit trail view: every recorded action on one alert, oldest first, with who took it
/// and when (UTC). Details can hold note text, so they are drawn as untrusted.
enum AuditTrailText {
    static func lines(_ entries: [AuditEntry], alert: AlertRecord?, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        if let alert {
            lines.append(StyledLine([Span.untrusted(alert.action, .emphasis), Span(" · " + alert.rule.name)]))
        }
        guard !entries.isEmpty else {
            lines.append(StyledLine("No action recorded on this alert yet", .dim))
            return lines
        }
        lines.append(StyledLine("\(entries.count) action\(entries.count == 1 ? "" : "s"), oldest first", .dim))
        lines.append(.blank)
        let who = min(20, max(7, entries.map(\.analyst.count).max() ?? 7))
        let header =
            TextLayout.fit("TIME (UTC)", 19) + " " + TextLayout.fit("ANALYST", who) + " "
            + TextLayout.fit("ACTION", 14) + " DETAIL"
        lines.append(StyledLine(header, .header))
        let fixed = 19 + 1 + who + 1 + 14 + 1
        for entry in entries {
            let detail = TextLayout.wrap(entry.detail, width: max(8, width - fixed))
            for (index, part) in detail.enumerated() {
                let lead =
                    index == 0
                    ? TextLayout.fit(TimeText.dateTime(entry.time), 19) + " " + TextLayout.fit(entry.analyst, who)
                        + " " + TextLayout.fit(entry.action, 14) + " "
                    : String(repeating: " ", count: fixed)
                lines.append(StyledLine([Span.untrusted(lead), Span.untrusted(part)]))
            }
        }
        return lines
    }
}
