/// Text typed into a prompt or the note editor. Editing happens at the end, which is all a
/// short reason or note needs and keeps the model trivially correct for any UTF-8.
public struct TextInput: Sendable, Hashable {
    public var text: String

    public init(_ text: String = "") {
        self.text = text
    }

    mutating func insert(_ character: Character) {
        text.append(character)
    }

    /// Removes the last grapheme (a whole emoji or accented letter, never half of one).
    mutating func deleteBackward() {
        if !text.isEmpty { text.removeLast() }
    }

}
