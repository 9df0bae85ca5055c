/// The name of a case: its triage lives in a database of its own,
/// `$XDG_STATE_HOME/trailtriage/cases/NAME.sqlite`. A name is one file name, never a path, so
/// it can only name a file in that directory.
public struct CaseName: Sendable, Hashable, CustomStringConvertible {
    /// The name as given.
    public let text: String

    /// Longest name accepted, in characters (well under any file system's name limit).
    public static let maximumLength = 100

    /// Why a case name was refused.
    public struct Invalid: Error, Sendable, Equatable, CustomStringConvertible {
        public let name: String
        public let reason: String

        public var description: String { "invalid case name \"\(name)\": \(reason)" }
    }

    /// Accepts letters, digits, `.`, `_` and `-`, not starting with `.` (no hidden files, no
    /// `..`), so no path separator or control character can reach the file name.
    public init(validating text: String) throws(Invalid) {
        guard !text.isEmpty else { throw Invalid(name: text, reason: "it is empty") }
        guard text.count <= Self.maximumLength else {
            throw Invalid(name: text, reason: "it is longer than \(Self.maximumLength) characters")
        }
        for (offset, character) in text.enumerated() {
            let allowed =
                character.isASCII && (character.isLetter || character.isNumber || "._-".contains(character))
            if !allowed {
                let shown =
                    character.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0.value < 0x20 }
                    ? "U+" + String(character.unicodeScalars.first?.value ?? 0, radix: 16, uppercase: true)
                    : "\"\(character)\""
                throw Invalid(
                    name: text,
                    reason: "\(shown) at character \(offset + 1) is not allowed (use letters, digits, '.', '_', '-')")
            }
        }
        guard text.first != "." else { throw Invalid(name: text, reason: "it starts with '.'") }
        self.text = text
    }

    public var description: String { text }
}
