/// One item of an investigation checklist.
public struct GuideStep: Sendable, Hashable {
    /// The step's headline, with bold and backtick markup removed, e.g. "Identify the actor".
    public var title: String
    /// Sub-bullets and continuation text, in order, as written (Markdown kept).
    public var details: [String]

    public init(title: String, details: [String] = []) {
        self.title = title
        self.details = details
    }
}
