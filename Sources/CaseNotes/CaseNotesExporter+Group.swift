import Alerts
import CloudTrailReader
import ECSMapping
import RelatedActivity
import TriageModel

extension CaseNotesExporter {
    /// The Markdown section of an alert about several events, or about one step of a sequence:
    /// a threshold group, a sequence's events in order, a building block's place, an aggregating
    /// ES|QL row's columns in the query's order. Empty for a one-event alert. Every value from a
    /// log goes through ``MarkdownText``, after a fixed prefix.
    func groupMarkdown(_ record: AlertRecord) -> [String] {
        let esc = MarkdownText.escaped
        let code = MarkdownText.code
        func time(_ milliseconds: Int64) -> String { ECSTimestamp.format(milliseconds: milliseconds) }
        var lines: [String] = []
        switch record.shape {
        case .event:
            return []
        case .threshold(let result):
            lines += ["", "### Group (threshold)", ""]
            if result.terms.isEmpty { lines.append("- **Terms:** none (the rule groups by nothing)") }
            for term in result.terms {
                lines.append("- **\(esc(term.field)):** \(code(term.value))")
            }
            lines.append("- **Count:** \(result.count) event\(result.count == 1 ? "" : "s")")
            lines.append("- **From:** \(time(result.fromMilliseconds))")
            lines.append("- **To:** \(time(record.members.last?.time ?? record.originalTime))")
            for entry in result.cardinality {
                lines.append("- **Distinct \(esc(entry.field)):** \(entry.value)")
            }
            lines.append("- **Counted events:**")
            lines += record.members.map { "  - " + memberLine($0) }
        case .sequence(let groupID):
            lines += ["", "### Sequence", ""]
            lines.append("- **Group id:** \(code(groupID))")
            let found = Dictionary(
                record.memberEvents.map { ($0.eventID, $0) }, uniquingKeysWith: { first, _ in first })
            for (position, member) in record.members.enumerated() {
                var line = "- \(position + 1)\\. "
                if let event = found[member.eventKey] {
                    line += "\(time(member.time)) \(code(event.action)) by \(code(event.actorARN)), "
                } else {
                    line += "\(time(member.time)) (not in the loaded data), "
                }
                lines.append(line + memberPlace(member))
            }
        case .buildingBlock(let groupID, let index):
            lines += ["", "### Part of a sequence (building block)", ""]
            lines.append("- **Position:** event \(index + 1) (group index \(index))")
            lines.append("- **Group id:** \(code(groupID))")
        case .aggregation(let columns):
            lines += ["", "### ES|QL row (columns in the query's order)", ""]
            for column in columns {
                let values = record.columnValues(column)
                switch values.count {
                case 0: lines.append("- \(code(column)): no value")
                case 1: lines.append("- \(code(column)): \(code(values[0]))")
                default:
                    lines.append("- \(code(column)):")
                    lines += values.map { "  - " + code($0) }
                }
            }
            if !record.members.isEmpty {
                lines.append("- **Events behind the row:**")
                lines += record.members.map { "  - " + memberLine($0) }
            }
        }
        return lines
    }

    /// `2024-05-01T10:00:00.000Z` `fail-0`, `trail.ndjson` line 1.
    private func memberLine(_ member: AlertMember) -> String {
        "\(ECSTimestamp.format(milliseconds: member.time)) " + memberPlace(member)
    }

    private func memberPlace(_ member: AlertMember) -> String {
        let code = MarkdownText.code
        let place = member.location.line.map { "line \($0)" } ?? "record \(member.location.index)"
        return "\(code(member.eventKey)) in \(code(member.location.file)) \(place)"
    }
}
