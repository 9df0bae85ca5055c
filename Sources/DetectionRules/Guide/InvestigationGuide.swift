/// A rule's Markdown investigation guide (`note`), split into the parts an analyst works through.
///
/// Parsing is tolerant of the variations found upstream: heading levels, capitalisation,
/// trailing colons, bold pseudo-headings, `-`/`*`/`1.` lists and lazily wrapped lines.
/// Sections are recognised by keywords in their headings ("investigation", "false positive",
/// "response"/"remediation", "additional"). When a guide has no investigation section, its
/// top-level list items become the steps, so every guide with a list yields a checklist.
public struct InvestigationGuide: Sendable, Hashable {
    /// The "Investigating …" heading text, without `#` marks.
    public var title: String?
    /// Introductory paragraphs after the title, one string per paragraph with lines joined.
    public var summary: [String]
    /// The investigation checklist, in order.
    public var steps: [GuideStep]
    /// One string per false-positive item or paragraph.
    public var falsePositiveNotes: [String]
    /// One string per response item or paragraph.
    public var responseSteps: [String]
    /// One string per item or paragraph of the "Additional information" section.
    public var additionalInformation: [String]

    /// Parses a Markdown guide. Never fails: unrecognised content is ignored.
    public init(markdown: String) {
        self = GuideParser(markdown: markdown).parse()
    }

    /// Creates a guide from parts.
    public init(
        title: String? = nil,
        summary: [String] = [],
        steps: [GuideStep] = [],
        falsePositiveNotes: [String] = [],
        responseSteps: [String] = [],
        additionalInformation: [String] = []
    ) {
        self.title = title
        self.summary = summary
        self.steps = steps
        self.falsePositiveNotes = falsePositiveNotes
        self.responseSteps = responseSteps
        self.additionalInformation = additionalInformation
    }
}
