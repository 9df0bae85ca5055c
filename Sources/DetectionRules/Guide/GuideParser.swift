import Foundation

/// Walks a guide line by line, grouping lines into blocks (list items with their nested
/// content, or paragraphs) per section, then turns the blocks into the guide's parts.
struct GuideParser {
    /// A top-level list item with its nested items, or a paragraph.
    struct Block {
        var text: String
        var details: [String] = []
        var isListItem: Bool
        /// Whether the last line added went to `details` (so wrapped lines continue it).
        var lastLineWasDetail = false
        /// A bold pseudo-heading paragraph (`**Check the caller**:`) that took the list after
        /// it as its details, as many upstream guides write their steps.
        var ownsList = false
        /// The indent of the first item such a paragraph took; an item left of it is a step again.
        var ownedIndent = 0

        /// Whether this paragraph reads as a step title that the list below it details.
        var isStepHeading: Bool { !isListItem && GuideMarkup.leadingBold(text) != nil }
    }

    let lines: [MarkdownLine]

    init(markdown: String) {
        lines = Self.unixLineEndings(markdown)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map(MarkdownLine.init)
    }

    /// `text` with every line ending (CR LF, or a CR alone as CommonMark allows) made one LF.
    ///
    /// Done on scalars: in `"\r\r\n"` the characters are a CR and a CR LF, so replacing or
    /// splitting by `Character` would leave a line break inside a line.
    static func unixLineEndings(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            if scalar == "\n" && afterCR { continue }
            result.append(scalar == "\r" ? "\n" : scalar)
        }
        return String(result)
    }

    func parse() -> InvestigationGuide {
        var result = InvestigationGuide()
        var blocks: [(GuideSection, Block)] = []
        var section = GuideSection.preamble
        var sectionLevel = 0
        var current: Block?
        var baseIndent: Int?
        var previousWasBlank = true

        func flush() {
            if let block = current { blocks.append((section, block)) }
            current = nil
        }

        func enter(_ newSection: GuideSection, level: Int) {
            flush()
            section = newSection
            sectionLevel = level
            baseIndent = nil
        }

        for line in lines {
            switch line {
            case .blank:
                previousWasBlank = true
                continue
            case .ignored:
                break
            case .heading(let level, let text):
                if let recognised = GuideSection(heading: GuideMarkup.displayTitle(text)) {
                    enter(recognised, level: level)
                    if recognised == .overview, result.title == nil {
                        result.title = GuideMarkup.displayTitle(text)
                    }
                } else if level <= sectionLevel || sectionLevel == 0 {
                    // An unknown heading at the same or a higher level ends the section;
                    // a deeper one is a sub-heading inside it.
                    enter(.other, level: level)
                } else {
                    flush()
                }
            case .listItem(let indent, let text):
                if section == .steps, let block = current,
                    block.ownsList ? indent >= block.ownedIndent : block.isStepHeading
                {
                    if !block.ownsList { current?.ownedIndent = indent }
                    current?.details.append(text)
                    current?.ownsList = true
                    current?.lastLineWasDetail = true
                    break
                }
                let continuesList = current?.isListItem == true
                if continuesList, let base = baseIndent, indent >= base + 2 {
                    current?.details.append(text)
                    current?.lastLineWasDetail = true
                } else {
                    // A list starting after a paragraph or heading sets the top-level indent.
                    if !continuesList || indent < (baseIndent ?? indent) { baseIndent = indent }
                    flush()
                    current = Block(text: text, isListItem: true)
                }
            case .text(let indent, let text):
                if indent == 0, previousWasBlank || current == nil, let bold = GuideMarkup.boldOnly(text),
                    let recognised = GuideSection(boldLine: bold)
                {
                    enter(recognised, level: 7)
                    break
                }
                guard var block = current else {
                    current = Block(text: text, isListItem: false)
                    break
                }
                if previousWasBlank {
                    if block.isListItem && indent >= 2 {
                        // An indented paragraph inside a list item.
                        block.details.append(text)
                        block.lastLineWasDetail = true
                        current = block
                    } else {
                        flush()
                        current = Block(text: text, isListItem: false)
                    }
                } else if block.lastLineWasDetail, let last = block.details.indices.last {
                    block.details[last] += " " + text
                    current = block
                } else if block.isListItem && GuideMarkup.boldOnly(block.text) != nil {
                    // "- **Check X.**" followed by prose: the prose explains the step.
                    block.details.append(text)
                    block.lastLineWasDetail = true
                    current = block
                } else {
                    block.text += " " + text
                    current = block
                }
            }
            previousWasBlank = false
        }
        flush()

        result.summary = Self.paragraphs(in: blocks, section: .overview)
        if result.title == nil { result.summary = Self.paragraphs(in: blocks, section: .preamble) }
        result.steps = Self.steps(from: blocks)
        result.falsePositiveNotes = Self.notes(in: blocks, section: .falsePositives)
        result.responseSteps = Self.notes(in: blocks, section: .response)
        result.additionalInformation = Self.notes(in: blocks, section: .additional)
        return result
    }

    static func paragraphs(in blocks: [(GuideSection, Block)], section: GuideSection) -> [String] {
        blocks.filter { $0.0 == section && !$0.1.isListItem }.map { $0.1.text }
    }

    /// List items and bold-titled paragraphs of the investigation section; failing that,
    /// paragraphs there; failing that, list items anywhere outside the false-positive/response/
    /// additional sections.
    static func steps(from blocks: [(GuideSection, Block)]) -> [GuideStep] {
        let investigation = blocks.filter { $0.0 == .steps }.map(\.1)
        let items = investigation.filter { $0.isListItem || $0.isStepHeading }.compactMap(step)
        if !items.isEmpty { return items }
        let paragraphs = investigation.compactMap(step)
        if !paragraphs.isEmpty { return paragraphs }
        let elsewhere = blocks.filter { [.preamble, .overview, .other].contains($0.0) && $0.1.isListItem }
        return elsewhere.compactMap { step($0.1) }
    }

    /// The step a block stands for, or `nil` when it holds no text at all.
    ///
    /// A bullet whose own text is only markup (`- **`, `- ``) has nothing to show as a checklist
    /// line, so its first detail becomes the title; with no detail either, the bullet is dropped.
    static func step(_ block: Block) -> GuideStep? {
        let (title, remainder) = GuideMarkup.splitTitle(block.text)
        var details = (remainder.map { [$0] } ?? []) + block.details
        guard title.isEmpty else { return GuideStep(title: title, details: details) }
        while !details.isEmpty {
            let promoted = GuideMarkup.splitTitle(details.removeFirst())
            if !promoted.title.isEmpty {
                return GuideStep(title: promoted.title, details: (promoted.remainder.map { [$0] } ?? []) + details)
            }
        }
        return nil
    }

    /// One string per block: the cleaned title, then its details.
    static func notes(in blocks: [(GuideSection, Block)], section: GuideSection) -> [String] {
        blocks.filter { $0.0 == section }.compactMap { entry -> String? in
            let block = entry.1
            let (title, remainder) = GuideMarkup.splitTitle(block.text)
            let rest = (remainder.map { [$0] } ?? []) + block.details
            // A bullet of bare markup (`- **`) would be an empty note.
            guard !title.isEmpty else { return rest.isEmpty ? nil : rest.joined(separator: " ") }
            guard !rest.isEmpty else { return title }
            let separator = title.last.map { ".:!?".contains($0) } == true ? " " : ": "
            return title + separator + rest.joined(separator: " ")
        }
    }
}
