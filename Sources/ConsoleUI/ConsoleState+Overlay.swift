import TerminalGrid
import TriageModel

extension ConsoleState {
    /// The open overlay's title.
    var overlayTitle: String {
        switch overlay {
        case .help?: return "Keys"
        case .raw?: return "Raw record"
        case .related?: return relatedFollowUpsOnly ? "Related activity · follow-ups only" : "Related activity"
        case .relatedEvent?: return "Related event"
        case .audit?: return "Audit trail"
        case .rules?: return "Rules"
        case nil: return ""
        }
    }

    /// The open overlay's content, wrapped to `width`; the reducer uses the count to clamp
    /// scrolling and the renderer shows a window of it.
    func overlayLines(width: Int) -> [StyledLine] {
        switch overlay {
        case nil:
            return []
        case .help?:
            let titles = Set(KeyContext.allCases.map(\.title))
            let keys = keymap.helpLines().map { StyledLine($0, titles.contains($0) ? .header : .normal) }
            let commands = CommandGrammar.helpLines
            let mouse = [
                StyledLine("Mouse", .header),
                StyledLine("  click  select a row, or focus the pane clicked"),
                StyledLine(
                    "  wheel  scroll the pane or view under the pointer (--no-mouse leaves the mouse to the terminal)"),
            ]
            return keys + [.blank, StyledLine(commands[0], .header)] + commands.dropFirst().map { StyledLine($0) }
                + [.blank] + mouse
        case .raw(let lines)?:
            return RawRecordText.styled(lines, width: width, cursor: rawCursor, query: rawQuery)
        case .rules?:
            return RulesContent.lines(
                rules: rules, loadErrors: ruleLoadErrors, scanning: progress != nil || isProvisional, width: width)
        case .related(let window)?:
            guard let record = selectedRecord else { return [] }
            let span = Self.relatedWindows[max(0, min(window, Self.relatedWindows.count - 1))]
            return RelatedContent.lines(
                for: record, window: span, indexing: isIndexingRelatedActivity, width: width,
                cursor: relatedCursor, followUpsOnly: relatedFollowUpsOnly)
        case .audit(let uuid, let entries)?:
            return AuditTrailText.lines(entries, alert: positionByUUID[uuid].map { alerts[$0] }, width: width)
        case .relatedEvent(_, let event)?:
            return RelatedEventText.lines(for: event, alertTime: selectedRecord?.originalTime, width: width)
        }
    }
}
