import Alerts
import ConsoleUI
import DetectionEngine
import DetectionRules
import ECSMapping
import TerminalGrid
import TrailTriageJSON

/// Alerts as an aligned text table for people.
///
/// Every cell passes through ``UnsafeText/visible(_:)``: user agents, user names and ARNs come
/// from the log and can hold escape sequences meant for the reader's terminal.
enum AlertTable {
    static let headers = ["TIME (UTC)", "SEVERITY", "RULE", "ACTOR", "ACTION", "ACCOUNT/REGION", "SOURCE"]
    static let widths = [19, 8, 36, 48, 22, 24, 39]
    /// ARNs end with what matters most (the session or user name), so the actor column is
    /// clipped in the middle; the others at the end.
    static let clipsInTheMiddle = [false, false, false, true, false, false, false]

    static func render(_ alerts: [Alert]) -> String {
        var lines = [row(headers)]
        for alert in alerts {
            let document = alert.document
            let time = TimeText.dateTime(alert.originalTime)
            let actor =
                document.string(at: "aws.cloudtrail.user_identity.arn") ?? document.string(at: "user.name") ?? "-"
            let account =
                (document.string(at: "cloud.account.id") ?? "-") + "/" + (document.string(at: "cloud.region") ?? "-")
            let source = document.string(at: "source.ip") ?? document.string(at: "source.address") ?? "-"
            lines.append(
                row([
                    time, alert.rule.severity.name, alert.rule.name, actor, document.string(at: "event.action") ?? "-",
                    account, source,
                ]))
        }
        if alerts.isEmpty {
            lines.append("(no alerts)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func row(_ cells: [String]) -> String {
        cells.indices.map { index in
            // Laid out by the width the text has once escaped, then escaped.
            let cell = clipsInTheMiddle[index] ? TextLayout.clipMiddle(cells[index], widths[index]) : cells[index]
            return UnsafeText.visible(TextLayout.fit(cell, widths[index]))
        }.joined(separator: "  ").trimmingTrailingSpaces()
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
