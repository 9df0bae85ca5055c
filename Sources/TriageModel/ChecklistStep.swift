/// Identifies a guide step by position and title.
///
/// Both are kept because a rule's guide can change between runs: a tick is found again by its
/// title when steps move, and by its position when a title is reworded.
public struct StepKey: Sendable, Hashable {
    /// Zero-based position in the guide's step list.
    public var index: Int
    /// The step's title when it was ticked or annotated.
    public var title: String

    public init(index: Int, title: String) {
        self.index = index
        self.title = title
    }
}

/// An analyst's progress on one guide step of one alert.
public struct ChecklistStep: Sendable, Hashable {
    public var key: StepKey
    public var isDone: Bool
    /// A short free-text note; empty when none.
    public var note: String

    public init(key: StepKey, isDone: Bool = false, note: String = "") {
        self.key = key
        self.isDone = isDone
        self.note = note
    }
}
