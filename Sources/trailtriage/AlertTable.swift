import DetectionEngine
import ECSMapping
import TrailTriageJSON

/// Alerts as an aligned text table for people.
///
/// Every cell passes through ``UnsafeText/visible(_:)``: user agents, user names and ARNs come
/// from the log and can hold escape sequences meant for the reader's terminal.
enum AlertTable {
    static let headers = ["TIME (UTC)", "SEVERITY", "RULE", "ACTOR", "ACTION", "ACCOUNT/REGION", "SOURCE"]
    static let widths = [19, 8, 44, 60, 24, 26, 39]

    static func render(_ alerts: [Alert]) -> String {
        var lines = [row(headers)]
        for alert in alerts {
            let document = alert.document
            let time = String(ECSTimestamp.format(milliseconds: alert.originalTime).prefix(19)).replacingOccurrences(of: "T", with: " ")
            let actor = document.string(at: "aws.cloudtrail.user_identity.arn") ?? document.string(at: "user.name") ?? "-"
            let account = (document.string(at: "cloud.account.id") ?? "-") + "/" + (document.string(at: "cloud.region") ?? "-")
            let source = document.string(at: "source.ip") ?? document.string(at: "source.address") ?? "-"
            lines.append(row([time, alert.rule.severity, alert.rule.name, actor, document.string(at: "event.action") ?? "-", account, source]))
        }
        if alerts.isEmpty {
            lines.append("(no alerts)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func row(_ cells: [String]) -> String {
        zip(cells, widths).map { cell, width in
            fit(UnsafeText.visible(cell), width: width)
        }.joined(separator: "  ").trimmingTrailingSpaces()
    }

    /// Pads or clips to `width` characters, marking clipped text with an ellipsis.
    static func fit(_ text: String, width: Int) -> String {
        let characters = Array(text)
        if characters.count > width {
            return String(characters.prefix(width - 1)) + "…"
        }
        return text + String(repeating: " ", count: width - characters.count)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
