import TrailTriageJSON

/// Measuring, wrapping and clipping text by the cells it takes once made visible.
///
/// Every measurement uses the escaped form (`ScreenBuffer.write` shows `\u{1B}` for an escape
/// character), so text laid out here fits exactly when written.
public enum TextLayout {
    public static func needsEscaping(_ text: String) -> Bool {
        text.unicodeScalars.contains { UnsafeText.needsEscaping($0) }
    }

    /// Cells one character takes when written.
    public static func width(of character: Character) -> Int {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F, ascii != UInt8(ascii: "\\") { return 1 }
        return DisplayWidth.of(UnsafeText.visible(String(character)))
    }

    /// Cells `text` takes when written.
    public static func width(of text: String) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

    /// `text` padded with spaces, or cut with `…`, to exactly `width` cells.
    public static func fit(_ text: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        let measured = self.width(of: text)
        if measured <= width { return text + String(repeating: " ", count: width - measured) }
        var result = ""
        var used = 0
        for character in text {
            let cells = self.width(of: character)
            if used + cells > width - 1 { break }
            result.append(character)
            used += cells
        }
        return result + "…" + String(repeating: " ", count: max(0, width - 1 - used))
    }

    /// `text` cut in the middle to `width` cells, keeping both ends: ARNs differ at the end
    /// (role and session names) as often as at the start.
    public static func clipMiddle(_ text: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        guard self.width(of: text) > width else { return text }
        guard width > 4 else { return fit(text, width) }
        let headRoom = (width - 1) * 2 / 5
        let tailRoom = width - 1 - headRoom
        var head = ""
        var used = 0
        for character in text {
            let cells = self.width(of: character)
            if used + cells > headRoom { break }
            head.append(character)
            used += cells
        }
        var tail: [Character] = []
        used = 0
        for character in text.reversed() {
            let cells = self.width(of: character)
            if used + cells > tailRoom { break }
            tail.append(character)
            used += cells
        }
        return head + "…" + String(tail.reversed())
    }

    /// Breaks `text` into lines of at most `width` cells, at spaces where possible and inside
    /// long words (ARNs) otherwise. With `newlines` (analyst notes) a newline starts a line;
    /// without (log text) it stays in the text and is shown escaped.
    public static func wrap(_ text: String, width: Int, newlines: Bool = false) -> [String] {
        guard width > 0 else { return [text] }
        let paragraphs =
            newlines ? text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) : [text]
        var lines: [String] = []
        for paragraph in paragraphs {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                let wordWidth = self.width(of: String(word))
                if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 || !line.isEmpty {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                // A word wider than the line is cut into pieces, after a `/` or `:` when one
                // falls in the second half of the line, so ARNs break between their parts.
                for character in word {
                    let cells = self.width(of: character)
                    if lineWidth + cells > width && lineWidth > 0 {
                        var carried = ""
                        if let cut = line.lastIndex(where: { $0 == "/" || $0 == ":" }),
                            self.width(of: String(line[...cut])) * 2 >= width
                        {
                            carried = String(line[line.index(after: cut)...])
                            line = String(line[...cut])
                        }
                        lines.append(line)
                        line = carried
                        lineWidth = self.width(of: carried)
                    }
                    line.append(character)
                    lineWidth += cells
                }
            }
            lines.append(line)
        }
        return lines
    }
}
