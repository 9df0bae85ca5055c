// Foundation for its `contains`, which finds text scalar by scalar; the standard library's
// compares Characters and misses a match followed by a combining mark.
import DetectionRules
import Foundation
import TerminalGrid
import TriageModel

/// The sidebar: the rule's investigation steps as a checklist, each step with its detail lines
/// (fields and code styled, Markdown rendered), per-step notes and the false-positive hint
/// where the data shows a known shape, then the false-positive notes and the response steps.
enum SidebarContent {
    /// The lines, and the index of the cursor step's first line (for scrolling).
    static func lines(
        for record: AlertRecord, state: TriageState, cursor: Int, focused: Bool, width: Int
    ) -> (lines: [StyledLine], cursorLine: Int) {
        let guide = record.guide
        let keys = guide.stepKeys
        let done = keys.filter { state.step($0).isDone }.count
        var lines: [StyledLine] = [StyledLine("Investigation \(done)/\(keys.count)", .header)]
        var cursorLine = 0
        let hint = hintForStep(record: record)
        let cursor = max(0, min(cursor, keys.count - 1))

        if keys.isEmpty {
            lines.append(StyledLine("  this rule's guide has no steps", .dim))
        }
        for key in keys {
            let step = state.step(key)
            let isCursor = key.index == cursor
            if isCursor { cursorLine = lines.count }
            let box = step.isDone ? "[x] " : "[ ] "
            let marker = isCursor ? "▸ " : "  "
            let background: StyleRole? = isCursor ? (focused ? .selected : .selectedInactive) : nil
            // The title is plain text (it is the step's identity); fields in it are still marked.
            let title = GuideText(plain: key.title).spans(base: step.isDone ? .dim : .normal)
            lines += StyledWrap.lines(
                [Span("\(key.index + 1). ", step.isDone ? .dim : .normal)] + title, width: width,
                firstLead: [Span(marker + box, step.isDone ? .success : .normal)], nextLead: [Span("      ")],
                background: background)
            for detail in guide.details(ofStep: key.index) {
                lines += StyledWrap.lines(
                    GuideText(markdown: detail).spans(), width: width, firstLead: [Span("      · ", .dim)],
                    nextLead: [Span("        ")])
            }
            if !step.note.isEmpty {
                for (index, piece) in TextLayout.wrap(step.note, width: max(1, width - 12), newlines: true).enumerated()
                {
                    lines.append(
                        StyledLine([Span(index == 0 ? "      note: " : "            ", .dim), Span.untrusted(piece)]))
                }
            }
            if let hint, hint.step == key.index {
                for (index, piece) in TextLayout.wrap(hint.text, width: max(1, width - 8)).enumerated() {
                    lines.append(
                        StyledLine([
                            Span(index == 0 ? "      ! " : "        ", hint.style), Span.untrusted(piece, hint.style),
                        ]))
                }
            }
        }

        if !guide.falsePositiveNotes.isEmpty {
            lines.append(.blank)
            lines.append(StyledLine("False positives", .header))
            lines += bullets(guide.falsePositiveNotes, width: width)
        }
        if !guide.responseSteps.isEmpty {
            lines.append(.blank)
            lines.append(StyledLine("Response", .header))
            lines += bullets(guide.responseSteps, width: width)
        }
        return (lines, cursorLine)
    }

    /// Guide notes (Markdown from the rule file) as wrapped bullets with their markup rendered.
    private static func bullets(_ items: [String], width: Int) -> [StyledLine] {
        items.flatMap { item in
            StyledWrap.lines(
                GuideText(markdown: item).spans(), width: width, firstLead: [Span("  • ")], nextLead: [Span("    ")])
        }
    }

    /// The known false-positive shape of `*i-*` ARN patterns, attached to the step that checks
    /// the session name (or the first step when no title mentions it).
    static func hintForStep(record: AlertRecord) -> (step: Int, text: String, style: StyleRole)? {
        guard let check = InstanceSessionCheck(actor: record.actor), !record.guide.steps.isEmpty else { return nil }
        let titles = record.guide.steps.map { $0.lowercased() }
        let step =
            titles.firstIndex { $0.contains("instance id") }
            ?? titles.firstIndex { $0.contains("session") }
            ?? 0
        if let explanation = check.explanation {
            return (step, "Known false-positive shape: " + explanation, .warning)
        }
        return (step, "session name \"\(check.sessionName)\" is an EC2 instance id", .success)
    }
}
