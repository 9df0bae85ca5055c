import DetectionRules
import TerminalGrid

/// The rules view: every loaded rule with its type, whether it ran and how many alerts it
/// gave, the reason under each rule that did not run or ran without some of its data, and the
/// rule files that did not load.
///
/// Rules that did not run come first, then those that ran without some data, then the rest,
/// each group in load order: the header's "rules not run" brings the analyst here for them.
enum RulesContent {
    static func lines(rules: [RuleStatus], loadErrors: [String], scanning: Bool, width: Int) -> [StyledLine] {
        let notRun = rules.filter { !$0.ran }.count
        let partial = rules.filter(\.isPartial).count
        var summary = "\(rules.count) rule\(rules.count == 1 ? "" : "s") loaded: \(rules.count - notRun) ran"
        if partial > 0 { summary += " (\(partial) without some of their data)" }
        summary += ", \(notRun) not run"
        if !loadErrors.isEmpty { summary += "; \(loadErrors.count) did not load" }
        var lines = [StyledLine(summary)]
        if scanning { lines.append(StyledLine("alert counts follow once the scan has decided", .dim)) }
        lines.append(.blank)

        let columns = Columns(width: width)
        lines.append(StyledLine(columns.header, .header))
        if rules.isEmpty { lines.append(StyledLine("  no rules loaded", .dim)) }
        for rule in rules.filter({ !$0.ran }) + rules.filter(\.isPartial) + rules.filter(\.ranFully) {
            let ran: String
            let style: StyleRole
            let reasons: [String]
            switch rule.run {
            case .ran:
                (ran, style, reasons) = ("yes", .normal, [])
            case .ranWithoutData(let why):
                (ran, style, reasons) = ("partly", .warning, why)
            case .notRun(let why):
                (ran, style, reasons) = ("no", .dim, [why])
            }
            var alerts = rule.alerts.map(String.init) ?? (rule.ran ? "…" : "—")
            if rule.droppedByMaxSignals > 0 { alerts += " (+\(rule.droppedByMaxSignals) over max_signals)" }
            lines.append(
                StyledLine([
                    Span("  "), Span.untrusted(TextLayout.fit(rule.name, columns.name) + " "),
                    Span(TextLayout.fit(rule.type.name, columns.type) + " "),
                    Span(TextLayout.fit(ran, columns.ran) + " ", style), Span(alerts),
                ]))
            for reason in reasons {
                lines += DetailContent.wrapped([Span.untrusted("↳ " + reason, style)], width: width, indent: 4)
            }
        }
        if !loadErrors.isEmpty {
            lines.append(.blank)
            lines.append(StyledLine("Did not load", .header))
            for error in loadErrors {
                lines += DetailContent.wrapped([Span.untrusted(error, .warning)], width: width, indent: 2)
            }
        }
        return lines
    }

    /// Column widths for a view `width` cells wide.
    struct Columns {
        var name: Int
        let type = 16
        let ran = 6

        init(width: Int) {
            name = max(16, width - 2 - type - ran - 3 - 8)
        }

        var header: String {
            "  " + TextLayout.fit("RULE", name) + " " + TextLayout.fit("TYPE", type) + " "
                + TextLayout.fit("RAN", ran) + " ALERTS"
        }
    }
}

extension RuleStatus {
    /// It ran, but without some of the data it reads.
    fileprivate var isPartial: Bool {
        if case .ranWithoutData = run { return true }
        return false
    }

    fileprivate var ranFully: Bool { run == .ran }
}
