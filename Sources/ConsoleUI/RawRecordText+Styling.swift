import TerminalGrid

extension RawRecordText {
    /// The view's lines wrapped to `width`, with every match of `query` highlighted and the
    /// cursor line drawn as selected (its matches stay highlighted, so the one `n` moved to
    /// can be seen). A match cut by a wrap is highlighted on neither piece.
    static func styled(_ lines: [RawRecordLine], width: Int, cursor: Int, query: String?) -> [StyledLine] {
        lines.enumerated().flatMap { index, line in
            wrap(line.text, width: width).map { piece in
                styled(piece, query: query, base: index == cursor ? .selected : .normal)
            }
        }
    }

    /// The first wrapped line of each of `lines`, and how many there are in all.
    static func displayStarts(_ lines: [RawRecordLine], width: Int) -> (starts: [Int], total: Int) {
        var starts: [Int] = []
        starts.reserveCapacity(lines.count)
        var total = 0
        for line in lines {
            starts.append(total)
            total += wrap(line.text, width: width).count
        }
        return (starts, total)
    }

    private static func styled(_ piece: String, query: String?, base: StyleRole) -> StyledLine {
        let found = query.map { RawSearch.ranges(of: $0, in: piece) } ?? []
        guard !found.isEmpty else { return StyledLine([Span.untrusted(piece, base)]) }
        let characters = Array(piece)
        var spans: [Span] = []
        var position = 0
        for range in found {
            if range.lowerBound > position {
                spans.append(Span.untrusted(String(characters[position..<range.lowerBound]), base))
            }
            spans.append(Span.untrusted(String(characters[range]), .highlight))
            position = range.upperBound
        }
        if position < characters.count {
            spans.append(Span.untrusted(String(characters[position...]), base))
        }
        return StyledLine(spans)
    }
}
