/// A whole-string wildcard pattern as Elasticsearch's wildcard query reads it.
///
/// `*` matches any run of characters (also none), `?` exactly one, and a backslash makes the
/// character after it literal (so `\*` is a star). Characters are Unicode scalars, as Lucene's
/// code points. The case-insensitive form folds each scalar to its simple lower-case mapping on
/// both sides, as `:` and `like~` do.
struct EQLWildcardPattern: Sendable, Equatable {
    enum Element: Sendable, Equatable {
        case literal(Unicode.Scalar)
        case anyCharacter
        case anyRun
    }

    let elements: [Element]
    let caseInsensitive: Bool

    /// Parses the wildcard syntax of an already unescaped EQL string value.
    init(_ pattern: String, caseInsensitive: Bool) {
        var elements: [Element] = []
        var scalars = pattern.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case "*":
                elements.append(.anyRun)
            case "?":
                elements.append(.anyCharacter)
            case "\\":
                // A trailing backslash has nothing to escape and stands for itself.
                elements.append(.literal(scalars.next() ?? "\\"))
            default:
                elements.append(.literal(scalar))
            }
        }
        self.elements = elements.map { element in
            if caseInsensitive, case .literal(let scalar) = element {
                return .literal(Self.folded(scalar))
            }
            return element
        }
        self.caseInsensitive = caseInsensitive
    }

    /// Whether the whole of `value` matches.
    ///
    /// The classic linear scan: on a mismatch, retry from the most recent `*` one character
    /// further on. Remembering only the last star is enough because a later star can absorb
    /// whatever an earlier one would have.
    func matches(_ value: String) -> Bool {
        let text = caseInsensitive ? value.unicodeScalars.map(Self.folded) : Array(value.unicodeScalars)
        var textIndex = 0
        var patternIndex = 0
        var lastStar: Int?
        var textAtLastStar = 0
        while textIndex < text.count {
            if patternIndex < elements.count {
                switch elements[patternIndex] {
                case .anyRun:
                    lastStar = patternIndex
                    textAtLastStar = textIndex
                    patternIndex += 1
                    continue
                case .anyCharacter:
                    textIndex += 1
                    patternIndex += 1
                    continue
                case .literal(let scalar) where scalar == text[textIndex]:
                    textIndex += 1
                    patternIndex += 1
                    continue
                case .literal:
                    break
                }
            }
            guard let star = lastStar else {
                return false
            }
            textAtLastStar += 1
            textIndex = textAtLastStar
            patternIndex = star + 1
        }
        while patternIndex < elements.count, elements[patternIndex] == .anyRun {
            patternIndex += 1
        }
        return patternIndex == elements.count
    }

    /// The scalar's simple lower-case mapping, or the scalar itself when that is not one scalar.
    static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower[lower.startIndex] : scalar
    }
}
