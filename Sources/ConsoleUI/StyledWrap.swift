import TerminalGrid

/// Wraps styled text to a pane's width, keeping each character's style: the span-aware
/// counterpart of `TextLayout.wrap`, for guide text whose words carry field and code styles.
enum StyledWrap {
    /// `spans` broken into lines of at most `width` cells after the leads: `firstLead` starts the
    /// first line, `nextLead` (usually blanks of the same width) every later one. Breaks at
    /// spaces; a word wider than the room is cut where it reaches the edge.
    static func lines(
        _ spans: [Span], width: Int, firstLead: [Span], nextLead: [Span], background: StyleRole? = nil
    ) -> [StyledLine] {
        let leadWidth = max(cells(firstLead), cells(nextLead))
        let room = max(1, width - leadWidth)
        var words: [[(Character, StyleRole)]] = [[]]
        for span in spans {
            for character in span.text {
                if character == " " {
                    if !(words.last?.isEmpty ?? true) { words.append([]) }
                } else {
                    words[words.count - 1].append((character, span.style))
                }
            }
        }
        var rows: [[(Character, StyleRole)]] = [[]]
        var used = 0
        for word in words where !word.isEmpty {
            let wordWidth = word.reduce(0) { $0 + TextLayout.width(of: $1.0) }
            if used > 0, used + 1 + wordWidth <= room {
                rows[rows.count - 1].append((" ", .normal))
                rows[rows.count - 1] += word
                used += 1 + wordWidth
                continue
            }
            if used > 0 {
                rows.append([])
                used = 0
            }
            for cell in word {
                let cellWidth = TextLayout.width(of: cell.0)
                if used + cellWidth > room, used > 0 {
                    // A long field name or ARN breaks after a `.`, `/` or `:` in the second half
                    // of the line, so its parts stay readable.
                    var carried: [(Character, StyleRole)] = []
                    let row = rows[rows.count - 1]
                    if let cut = row.lastIndex(where: { ".:/".contains($0.0) }), (cut + 1) * 2 >= room {
                        carried = Array(row[(cut + 1)...])
                        rows[rows.count - 1] = Array(row[...cut])
                    }
                    rows.append(carried)
                    used = carried.reduce(0) { $0 + TextLayout.width(of: $1.0) }
                }
                rows[rows.count - 1].append(cell)
                used += cellWidth
            }
        }
        return rows.enumerated().map { index, row in
            StyledLine((index == 0 ? firstLead : nextLead) + grouped(row), background: index == 0 ? background : nil)
        }
    }

    private static func cells(_ spans: [Span]) -> Int {
        spans.reduce(0) { $0 + TextLayout.width(of: $1.text) }
    }

    /// Regroups styled characters into spans, one per run of a style.
    private static func grouped(_ row: [(Character, StyleRole)]) -> [Span] {
        var result: [Span] = []
        for (character, style) in row {
            if let last = result.last, last.style == style {
                result[result.count - 1].text.append(character)
            } else {
                result.append(Span(String(character), style))
            }
        }
        return result
    }
}
