/// Text typed into a prompt or the note editor, with a cursor. Positions count graphemes, so a
/// cursor never sits inside an emoji or an accented letter, for any UTF-8.
public struct TextInput: Sendable, Hashable {
    public var text: String {
        didSet { cursor = min(cursor, text.count) }
    }
    /// Graphemes before the cursor; `text.count` is the end.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        self.cursor = text.count
    }

    private var cursorIndex: String.Index { text.index(text.startIndex, offsetBy: cursor) }

    /// The text before and after the cursor, for drawing it.
    var split: (before: Substring, after: Substring) {
        (text[..<cursorIndex], text[cursorIndex...])
    }

    mutating func insert(_ character: Character) {
        let count = text.count
        text.insert(character, at: cursorIndex)
        // A combining mark joins the grapheme before it, so the count may not grow.
        cursor += text.count - count
    }

    /// Removes the grapheme before the cursor (a whole emoji or accented letter, never half).
    mutating func deleteBackward() {
        guard cursor > 0 else { return }
        cursor -= 1
        text.remove(at: cursorIndex)
    }

    /// Removes the grapheme under the cursor.
    mutating func deleteForward() {
        guard cursor < text.count else { return }
        text.remove(at: cursorIndex)
    }

    mutating func moveLeft() { cursor = max(0, cursor - 1) }
    mutating func moveRight() { cursor = min(text.count, cursor + 1) }

    /// To the start of the cursor's line (notes have several).
    mutating func moveToLineStart() {
        let before = Array(text.prefix(cursor))
        cursor = (before.lastIndex(of: "\n").map { $0 + 1 }) ?? 0
    }

    /// To the end of the cursor's line.
    mutating func moveToLineEnd() {
        let after = text.dropFirst(cursor)
        cursor += after.firstIndex(of: "\n").map { after.distance(from: after.startIndex, to: $0) } ?? after.count
    }

    /// To the start of the word before the cursor.
    mutating func moveWordLeft() {
        let characters = Array(text)
        var position = cursor
        while position > 0, !characters[position - 1].isWordCharacter { position -= 1 }
        while position > 0, characters[position - 1].isWordCharacter { position -= 1 }
        cursor = position
    }

    /// To the end of the word after the cursor.
    mutating func moveWordRight() {
        let characters = Array(text)
        var position = cursor
        while position < characters.count, !characters[position].isWordCharacter { position += 1 }
        while position < characters.count, characters[position].isWordCharacter { position += 1 }
        cursor = position
    }
}

extension Character {
    fileprivate var isWordCharacter: Bool { isLetter || isNumber || self == "_" }
}
