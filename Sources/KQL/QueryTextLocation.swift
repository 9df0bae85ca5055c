/// Where an offset falls in a query's text, and the caret diagram that shows it: shared by the
/// syntax errors of every query language (KQL, EQL, ES|QL), which all report 1-based lines and
/// columns counted in `Character`s and point at the offending text the same way.
public enum QueryTextLocation {
    /// KQL's and ES|QL's line breaks: `\n`, `\r\n` and `\r`.
    public static func isLineBreak(_ character: Character) -> Bool {
        character.isKQLLineBreak
    }

    /// The 1-based line and column of the 0-based `Character` offset in `characters`.
    public static func lineAndColumn(
        ofOffset offset: Int, in characters: [Character], isLineBreak: (Character) -> Bool = isLineBreak
    ) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        let end = min(offset, characters.count)
        for index in 0..<max(end, 0) where isLineBreak(characters[index]) {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }

    /// The query's line `line` followed by a caret line pointing at `column`. Tabs before the
    /// column are repeated in the caret line so the caret stays aligned in a terminal.
    public static func caretDiagram(
        line: Int, column: Int, in queryText: String, isLineBreak: (Character) -> Bool = isLineBreak
    ) -> String {
        var lines: [[Character]] = [[]]
        for character in queryText {
            if isLineBreak(character) {
                lines.append([])
            } else {
                lines[lines.count - 1].append(character)
            }
        }
        let text: [Character] = line >= 1 && line <= lines.count ? lines[line - 1] : []
        var caret = ""
        for index in 0..<max(column - 1, 0) {
            caret.append(index < text.count && text[index] == "\t" ? "\t" : " ")
        }
        caret.append("^")
        return String(text) + "\n" + caret
    }
}
