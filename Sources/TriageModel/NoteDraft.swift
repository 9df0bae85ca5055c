/// A note typed but not saved: its text and the triage version it was started from, so saving
/// it later is refused if someone changed the alert meanwhile.
public struct NoteDraft: Sendable, Hashable {
    public var text: String
    public var baseVersion: Int64

    public init(text: String, baseVersion: Int64) {
        self.text = text
        self.baseVersion = baseVersion
    }
}
