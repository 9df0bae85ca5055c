import TrailTriageJSON

extension ConsoleState {
    /// The line ranges of the selected alert's copyable fields, as the detail pane draws them.
    var detailFieldRanges: [Range<Int>] {
        DetailField.ranges(in: detailLines(in: layout.detail) ?? [])
    }

    /// Movement in the detail pane. j/k (`delta` ±1) move the field cursor one field and scroll
    /// the fewest lines that show the whole field; page keys, g and G scroll by lines (so the
    /// notes and MITRE lines below the last field can be read) and then put the cursor on the
    /// nearest field in view. A pane without fields just scrolls.
    mutating func moveDetailCursor(by delta: Int) {
        let layout = self.layout
        let lines = detailLines(in: layout.detail) ?? []
        let ranges = DetailField.ranges(in: lines)
        let height = max(1, layout.detail.height)
        let lastScroll = max(0, lines.count - height)
        guard !ranges.isEmpty, abs(delta) == 1 else {
            detailScroll = max(0, min(detailScroll.addingClamped(delta), lastScroll))
            if !ranges.isEmpty { putDetailCursorInView(ranges, height: height, down: delta > 0) }
            return
        }
        detailCursor = max(0, min(clampedDetailCursor(fieldCount: ranges.count) + delta, ranges.count - 1))
        let field = ranges[detailCursor]
        if detailCursor == 0 {
            // The first field is shown with the lines above it (the alert's title and status).
            detailScroll = max(0, field.upperBound - height)
        } else if detailCursor == ranges.count - 1 {
            // The last field is shown with the lines below it (notes, MITRE) as far as they fit.
            detailScroll = min(field.lowerBound, lastScroll)
        } else if field.lowerBound < detailScroll {
            detailScroll = field.lowerBound
        } else if field.upperBound > detailScroll + height {
            detailScroll = min(field.lowerBound, field.upperBound - height)
        }
        detailScroll = max(0, min(detailScroll, lastScroll))
    }

    /// After a scroll by lines: keeps the cursor if its field is still in view, else moves it to
    /// the field in view nearest the direction scrolled from, else to the nearest field.
    private mutating func putDetailCursorInView(_ ranges: [Range<Int>], height: Int, down: Bool) {
        let view = detailScroll..<detailScroll + height
        let cursor = clampedDetailCursor(fieldCount: ranges.count)
        if ranges[cursor].overlaps(view) {
            detailCursor = cursor
            return
        }
        let inView = ranges.indices.filter { ranges[$0].overlaps(view) }
        if let first = inView.first, let last = inView.last {
            // At either end (g, G) the end's field; otherwise the first one the scroll revealed.
            let atBottom = detailScroll + height >= (ranges.last?.upperBound ?? 0)
            detailCursor = down ? (atBottom ? last : first) : (detailScroll == 0 ? first : last)
        } else {
            // Only notes or MITRE lines in view: the field just above them.
            detailCursor = ranges.lastIndex { $0.upperBound <= view.lowerBound } ?? 0
        }
    }

    /// The field cursor's index into ``detailFieldRanges``, kept inside the fields there are.
    func clampedDetailCursor(fieldCount: Int) -> Int {
        max(0, min(detailCursor, fieldCount - 1))
    }

    /// `y` in the detail pane: the highlighted field's value, escaped as shown, through the same
    /// copy effect as the raw view's.
    mutating func copyDetailValue() -> [ConsoleEffect] {
        let lines = detailLines(in: layout.detail) ?? []
        let ranges = DetailField.ranges(in: lines)
        guard !ranges.isEmpty else {
            message = StatusMessage("No field to copy here: select an alert first", kind: .warning)
            return []
        }
        guard let field = lines[ranges[clampedDetailCursor(fieldCount: ranges.count)].lowerBound].field else {
            return []
        }
        let text = UnsafeText.visible(field.value)
        message = StatusMessage("Copied \(UnsafeText.visible(field.label)) (\(text.count) characters): \(text)")
        return [.copy(text: text)]
    }

    /// `y` wherever it means copy: the raw view's line, the detail pane's field, else a hint.
    mutating func copyValue() -> [ConsoleEffect] {
        if rawLines != nil { return copyRawValue() }
        if overlay == nil, focus == .detail { return copyDetailValue() }
        message = StatusMessage(
            "Nothing to copy here: y copies a field in the detail pane (Tab) or a line of the raw view (R)",
            kind: .warning)
        return []
    }
}
