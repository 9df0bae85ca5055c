/// One line of a guide, classified just enough for checklist extraction.
/// A full CommonMark parser would be overkill: guides use a small, regular subset.
enum MarkdownLine: Equatable {
    case blank
    case heading(level: Int, text: String)
    case listItem(indent: Int, text: String)
    case text(indent: Int, text: String)
    /// Block quotes (disclaimers), rules and code fences, which carry no checklist content.
    case ignored

    init(_ raw: Substring) {
        var indent = 0
        var start = raw.startIndex
        while start < raw.endIndex, raw[start] == " " || raw[start] == "\t" {
            indent += raw[start] == "\t" ? 4 : 1
            start = raw.index(after: start)
        }
        let text = String(raw[start...]).trimmingWhitespace()
        guard !text.isEmpty else {
            self = .blank
            return
        }
        if let heading = Self.heading(text) {
            self = heading
        } else if text.hasPrefix(">") || text.hasPrefix("```") || text.hasPrefix("~~~") || Self.isThematicBreak(text) {
            self = .ignored
        } else if let item = Self.listItemText(text) {
            self = .listItem(indent: indent, text: item)
        } else {
            self = .text(indent: indent, text: text)
        }
    }

    private static func heading(_ text: String) -> MarkdownLine? {
        let hashes = text.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = text.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var title = String(rest).trimmingWhitespace()
        while title.hasSuffix("#") { title.removeLast() }
        return .heading(level: hashes, text: title.trimmingWhitespace())
    }

    /// The text after a `-`, `*`, `+`, `1.` or `1)` marker, or `nil` if the line is not an item.
    private static func listItemText(_ text: String) -> String? {
        if let first = text.first, first == "-" || first == "*" || first == "+" {
            let rest = text.dropFirst()
            guard rest.first == " " || rest.first == "\t" else { return nil }
            return String(rest).trimmingWhitespace()
        }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count) else { return nil }
        let rest = text.dropFirst(digits.count)
        guard let marker = rest.first, marker == "." || marker == ")" else { return nil }
        let afterMarker = rest.dropFirst()
        guard afterMarker.first == " " || afterMarker.first == "\t" else { return nil }
        return String(afterMarker).trimmingWhitespace()
    }

    private static func isThematicBreak(_ text: String) -> Bool {
        let compact = text.filter { $0 != " " }
        guard compact.count >= 3, let first = compact.first, first == "-" || first == "*" || first == "_" else {
            return false
        }
        return compact.allSatisfy { $0 == first }
    }
}
