import TrailTriageJSON

/// Turns untrusted text (log fields, analyst notes) into Markdown that renders as exactly that
/// text: no heading, list item, checkbox, link, image, autolink, HTML, table, code, line break
/// or math can be forged.
///
/// Two forms: ``escaped(_:)`` for prose and ``code(_:)`` for identifiers. Both first make
/// control, bidi and zero-width characters visible, which also removes line breaks, so the
/// caller always decides where lines start.
///
/// Everything here works on Unicode scalars, never on Swift's `Character`s: CommonMark reads
/// code points, and a backtick followed by a combining accent is one `Character` to Swift but
/// still a backtick to a Markdown renderer.
enum MarkdownText {
    /// Backslash-escapes every ASCII punctuation character that has a meaning in CommonMark or
    /// GitHub's extensions (`~` strikethrough, `:`/`@`/`.` autolinks, `$` math, `&` entities).
    /// CommonMark allows a backslash before any ASCII punctuation, so the result is always valid.
    ///
    /// Whitespace at either end (spaces, no-break and ideographic spaces…) becomes character
    /// references (`&#32;`): at the start of a quoted line four spaces would open an indented
    /// code block, two at the end of one would make a hard line break, and renderers trim edge
    /// whitespace from the text.
    static func escaped(_ text: String) -> String {
        let scalars = Array(UnsafeText.visible(text).unicodeScalars)
        let leading = scalars.prefix { $0.properties.isWhitespace }.count
        let trailing = leading == scalars.count ? 0 : scalars.reversed().prefix { $0.properties.isWhitespace }.count
        var output = ""
        output.reserveCapacity(scalars.count + 8)
        for (offset, scalar) in scalars.enumerated() {
            if offset < leading || offset >= scalars.count - trailing {
                output += "&#" + String(scalar.value) + ";"
                continue
            }
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
        let scalars = UnsafeText.visible(text).unicodeScalars
        var longest = 0
        var run = 0
        for scalar in scalars {
            if scalar == "`" {
                run += 1
                longest = max(longest, run)
            } else {
                run = 0
            }
        }
        let fence = String(repeating: "`", count: longest + 1)
        // Content that starts or ends with a backtick scalar needs a space between it and the
        // fence, or CommonMark would count it as part of the fence; content that starts or ends
        // with a space needs one more, as CommonMark strips one from each side. Spaces only are
        // kept as they are.
        let first = scalars.first
        let last = scalars.last
        let onlySpaces = first != nil && scalars.allSatisfy { $0 == " " }
        let needsPadding = !onlySpaces && (first == nil || first == "`" || last == "`" || first == " " || last == " ")
        let padding = needsPadding ? " " : ""
        return fence + padding + String(scalars) + padding + fence
    }

    /// Multi-line text as block-quote lines (`> …`), each line escaped; blank lines kept as `>`.
    /// Lines end at LF, CR LF or CR.
    static func quoted(_ text: String) -> [String] {
        var lines: [String] = []
        var line = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if scalar == "\n", previous == "\r" { continue }
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(line))
                line = String.UnicodeScalarView()
            } else {
                line.append(scalar)
            }
        }
        lines.append(String(line))
        return lines.map { line in line.isEmpty ? ">" : "> " + escaped(line) }
    }

    private static let escapedPunctuation: Set<UInt8> = Set(Array("\\`*_{}[]<>()#+-.!|~:@&$%^=\"';?,/".utf8))
}
