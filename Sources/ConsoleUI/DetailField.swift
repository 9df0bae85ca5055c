/// A value the detail pane's field cursor can stand on and `y` can copy: a labelled row such as
/// an actor's ARN, the source address or one key request parameter.
///
/// The row's first line carries it; lines the value wrapped onto carry it too with
/// ``continues`` set, so the cursor highlights the whole value.
struct DetailField: Sendable, Hashable {
    /// What the status line names when the value is copied (`roleArn`, `user agent`).
    var label: String
    /// The value as the log holds it; it is escaped (made visible) before it is copied.
    var value: String
    var continues = false
}

extension DetailField {
    /// The line ranges of the fields in `lines`, top to bottom: each starts at a line carrying a
    /// field and runs over the continuation lines after it.
    static func ranges(in lines: [StyledLine]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for (index, line) in lines.enumerated() {
            guard let field = line.field else { continue }
            if field.continues, let last = ranges.last, last.upperBound == index {
                ranges[ranges.count - 1] = last.lowerBound..<index + 1
            } else if !field.continues {
                ranges.append(index..<index + 1)
            }
        }
        return ranges
    }
}
