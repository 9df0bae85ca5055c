import DetectionRules

extension MarkdownText {
    /// Guide text (from a rule file, so untrusted) as Markdown that renders with the guide's
    /// styles and nothing else: each run's text escaped or put in a code span, and the markers
    /// this code writes around it (`**`, `*`) are the only markup. Fields and code become code
    /// spans; a link shows its text and then its address, which never becomes a live link.
    static func styled(_ text: GuideText) -> String {
        var output = ""
        for run in text.runs {
            let (leading, core, trailing) = edges(run.text)
            output += leading
            if !core.isEmpty {
                if run.style.contains(.code) {
                    output += code(core)
                } else if run.style.contains(.strong) {
                    output += "**" + escaped(core) + "**"
                } else if run.style.contains(.emphasis) {
                    output += "*" + escaped(core) + "*"
                } else if run.style.contains(.field) {
                    output += code(core)
                } else {
                    output += escaped(core)
                }
            }
            output += trailing
        }
        return output
    }

    /// Splits off whitespace at both ends as single plain spaces: inside a line a space is just
    /// a space, and emphasis markers must touch the text they wrap.
    private static func edges(_ text: String) -> (String, String, String) {
        let scalars = Array(text.unicodeScalars)
        let leading = scalars.prefix { $0.properties.isWhitespace }.count
        guard leading < scalars.count else { return (leading > 0 ? " " : "", "", "") }
        let trailing = scalars.reversed().prefix { $0.properties.isWhitespace }.count
        let core = String(String.UnicodeScalarView(scalars[leading..<(scalars.count - trailing)]))
        return (leading > 0 ? " " : "", core, trailing > 0 ? " " : "")
    }
}
