import TrailTriageJSON

/// Turns untrusted text (log fields, analyst notes) into Markdown that renders as exactly that
/// text: no heading, list item, checkbox, link, image, autolink, HTML, table, code or math can
/// be forged.
///
/// Two forms: ``escaped(_:)`` for prose and ``code(_:)`` for identifiers. Both first make
/// control, bidi and zero-width characters visible, which also removes line breaks, so the
/// caller always decides where lines start.
enum MarkdownText {
    /// Backslash-escapes every ASCII punctuation character that has a meaning in CommonMark or
    /// GitHub's extensions (`~` strikethrough, `:`/`@`/`.` autolinks, `$` math, `&` entities).
    /// CommonMark allows a backslash before any ASCII punctuation, so the result is always valid.
    static func escaped(_ text: String) -> String {
        let visible = UnsafeText.visible(text)
        var output = ""
        output.reserveCapacity(visible.utf8.count + 8)
        for scalar in visible.unicodeScalars {
            if scalar.isASCII, Self.escapedPunctuation.contains(UInt8(scalar.value)) {
                output += "\\"
            }
            output.unicodeScalars.append(scalar)
        }
        return output
    }

    /// An inline code span holding `text` literally. The fence is one backtick longer than the
    /// longest backtick run inside, so the content cannot close it early.
    static func code(_ text: String) -> String {
        let visible = UnsafeText.visible(text)
        var longest = 0
        var run = 0
        for character in visible.unicodeScalars {
            if character == "`" { run += 1; longest = max(longest, run) } else { run = 0 }
        }
        let fence = String(repeating: "`", count: longest + 1)
        // A span that starts or ends with a backtick or space needs padding, or CommonMark would
        // merge the backtick into the fence or strip the space.
        let needsPadding = visible.isEmpty || visible.hasPrefix("`") || visible.hasSuffix("`")
            || visible.hasPrefix(" ") || visible.hasSuffix(" ")
        let padding = needsPadding ? " " : ""
        return fence + padding + visible + padding + fence
    }

    /// Multi-line text as block-quote lines (`> …`), each line escaped; blank lines kept as `>`.
    static func quoted(_ text: String) -> [String] {
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        return lines.map { line in line.isEmpty ? ">" : "> " + escaped(String(line)) }
    }

    private static let escapedPunctuation: Set<UInt8> = Set(Array("\\`*_{}[]<>()#+-.!|~:@&$%^=\"';?,/".utf8))
}
