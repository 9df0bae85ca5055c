import Alerts
import RelatedActivity
import TerminalGrid
import TriageModel

/// The detail pane's section for an alert about several events, or about one event of a
/// sequence: a threshold group's terms, count, span and cardinality; a sequence's events in
/// order; a building block's sequence and position; an aggregating ES|QL row's columns in the
/// query's order. A one-event alert has none.
enum GroupContent {
    static func lines(
        for record: AlertRecord, sequence: AlertRecord?, indexing: Bool, width: Int
    ) -> [StyledLine] {
        switch record.shape {
        case .event:
            return []
        case .threshold(let result):
            return thresholdLines(record, result, width: width)
        case .sequence:
            return sequenceLines(record, indexing: indexing, width: width)
        case .buildingBlock(let groupID, let index):
            return buildingBlockLines(groupID: groupID, index: index, sequence: sequence, width: width)
        case .aggregation(let columns):
            return aggregationLines(record, columns: columns, width: width)
        }
    }

    private static func thresholdLines(_ record: AlertRecord, _ result: ThresholdResult, width: Int) -> [StyledLine] {
        var lines = [DetailContent.section("Group (threshold)")]
        if result.terms.isEmpty {
            lines.append(StyledLine("  every event counted as one group (the rule groups by nothing)", .dim))
        }
        for term in result.terms {
            lines += DetailContent.row(term.field, term.value, width: width, untrusted: true)
        }
        lines += DetailContent.row("count", "\(result.count) event\(result.count == 1 ? "" : "s")", width: width)
        let to = record.members.last?.time ?? record.originalTime
        lines += DetailContent.row("from", TimeText.dateTime(result.fromMilliseconds) + " UTC", width: width)
        let span = HumanDuration.format(
            seconds: Int(clamping: to.distance(magnitudeTo: result.fromMilliseconds) / 1000))
        lines += DetailContent.row("to", TimeText.dateTime(to) + " UTC (\(span) later)", width: width)
        for entry in result.cardinality {
            lines += DetailContent.row(
                "cardinality", "\(entry.field): \(entry.value) distinct", width: width, untrusted: true)
        }
        lines.append(StyledLine("  the counted events are in related activity (A)", .dim))
        return lines
    }

    private static func sequenceLines(_ record: AlertRecord, indexing: Bool, width: Int) -> [StyledLine] {
        var lines = [DetailContent.section("Sequence (\(record.members.count) events, in order)")]
        if indexing {
            lines.append(StyledLine("  " + RelatedContent.indexingText, .dim))
        }
        let found = Dictionary(
            record.memberEvents.map { ($0.eventID, $0) }, uniquingKeysWith: { first, _ in first })
        for (position, member) in record.members.enumerated() {
            let number = "  \(position + 1). "
            let time = TimeText.dateTime(member.time) + "  "
            guard let event = found[member.eventKey] else {
                let missing = indexing ? "" : " (not in the loaded data)"
                lines += DetailContent.wrapped(
                    [Span(number + time), Span.untrusted(member.eventKey), Span(missing, .dim)], width: width,
                    indent: 0)
                continue
            }
            lines += DetailContent.wrapped(
                [
                    Span(number + time), Span.untrusted(event.action.isEmpty ? "—" : event.action, .emphasis),
                    Span(" by "), Span.untrusted(event.actorARN.isEmpty ? "—" : event.actorARN),
                ], width: width, indent: 0)
        }
        return lines
    }

    private static func buildingBlockLines(groupID: String, index: Int, sequence: AlertRecord?, width: Int)
        -> [StyledLine]
    {
        var lines = [DetailContent.section("Part of a sequence (building block)")]
        let steps = sequence.map { " of \($0.members.count)" } ?? ""
        lines += DetailContent.row("position", "event \(index + 1)\(steps) (group index \(index))", width: width)
        if let sequence {
            lines += DetailContent.row("sequence alert", sequence.uuid, width: width)
        } else {
            lines += DetailContent.row("sequence alert", "not loaded", width: width)
        }
        lines += DetailContent.row("group id", groupID, width: width, untrusted: true)
        return lines
    }

    private static func aggregationLines(_ record: AlertRecord, columns: [String], width: Int) -> [StyledLine] {
        var lines = [DetailContent.section("ES|QL row (columns in the query's order)")]
        for column in columns {
            let values = record.columnValues(column)
            if values.count <= 1, TextLayout.width(of: column) <= DetailContent.labelWidth {
                lines += DetailContent.row(column, values.first ?? "—", width: width, untrusted: true)
                continue
            }
            // A long name or a list of values: the name on its own line, the values under it.
            lines += DetailContent.wrapped([Span.untrusted(column, .dim)], width: width, indent: 2)
            if values.isEmpty { lines.append(StyledLine("    —", .dim)) }
            for value in values {
                lines += DetailContent.wrapped(
                    [Span(values.count > 1 ? "- " : ""), Span.untrusted(value)], width: width, indent: 4)
            }
        }
        return lines
    }
}
