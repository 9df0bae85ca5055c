/// One piece of guide prose (a step title, a detail line, a note) with its inline Markdown
/// resolved: the text to show, in runs, each with the styles the markup asked for.
///
/// Renderers never see Markdown markers: `**bold**` becomes a strong run, `` `code` `` a code
/// run, `[text](url)` the text as a link run followed by the address. Field names (dotted ECS
/// names such as `aws.cloudtrail.user_identity.arn`, in code or bare) are marked as fields so
/// they can be highlighted. The text is still untrusted: renderers escape it as any log text.
public struct GuideText: Sendable, Hashable {
    /// How a run is meant to look; several can apply at once (a field inside bold text).
    public struct Style: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let strong = Style(rawValue: 1 << 0)
        public static let emphasis = Style(rawValue: 1 << 1)
        public static let code = Style(rawValue: 1 << 2)
        /// A field name of the alert document.
        public static let field = Style(rawValue: 1 << 3)
        /// A link's text; its address follows as a run of its own with `.address`.
        public static let link = Style(rawValue: 1 << 4)
        public static let address = Style(rawValue: 1 << 5)
    }

    /// A stretch of text in one style.
    public struct Run: Sendable, Hashable {
        public var text: String
        public var style: Style

        public init(_ text: String, _ style: Style = []) {
            self.text = text
            self.style = style
        }
    }

    /// The runs in reading order; adjacent runs never share a style.
    public var runs: [Run]

    /// Resolves the inline Markdown of one line of guide text. Never fails: a marker without
    /// its partner is dropped when it is a backtick, and kept as text otherwise (`2 * 3`).
    public init(markdown: String) {
        runs = GuideInlineParser(markdown).parse()
    }

    /// Text already free of markup (a step title) with its bare field names marked.
    public init(plain text: String) {
        runs = GuideInlineParser.merged(GuideInlineParser.markingFields(in: text, style: []))
    }

    public init(runs: [Run]) {
        self.runs = runs
    }

    /// The text without styles.
    public var plain: String { runs.map(\.text).joined() }
}
