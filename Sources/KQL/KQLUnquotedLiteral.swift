/// The decoded text of an unquoted literal, with a wildcard flag for every character.
///
/// Escapes are resolved while scanning, so the flag is the only reliable way to tell a wildcard
/// `*` from an escaped `\*` afterwards.
struct KQLUnquotedLiteral {
    private(set) var characters: [Character] = []
    private(set) var isWildcard: [Bool] = []

    var isEmpty: Bool {
        characters.isEmpty
    }

    var hasWildcard: Bool {
        isWildcard.contains(true)
    }

    var text: String {
        String(characters)
    }

    mutating func append(_ character: Character, isWildcard wildcard: Bool = false) {
        characters.append(character)
        isWildcard.append(wildcard)
    }

    mutating func append(contentsOf text: some Sequence<Character>) {
        for character in text {
            append(character)
        }
    }

    /// The test this literal stands for as a value.
    ///
    /// `true`, `false`, `null` and numbers are typed literals in Kibana, but against the keyword-like
    /// fields the rules query they compare by their text as written, which is what is kept here.
    var valueTest: KQLValueTest {
        guard hasWildcard else {
            return .exact(KQLExactValue(text))
        }
        if !isWildcard.contains(false) {
            // `*` (or `**`) accepts any value, so it is the same as asking for a value to exist.
            return .exists
        }
        var segments: [String] = []
        var segment = ""
        for (character, wildcard) in zip(characters, isWildcard) {
            if wildcard {
                segments.append(segment)
                segment = ""
            } else {
                segment.append(character)
            }
        }
        segments.append(segment)
        return .wildcard(KQLWildcardPattern(segments: segments))
    }
}
