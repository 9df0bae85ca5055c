/// A `LIKE` pattern: `*` any run of characters, `?` one character, `\` escapes the next; it must match
/// the whole value, case-sensitively.
struct ESQLWildcardPattern: Sendable {
    enum Element: Sendable, Equatable {
        case scalar(Unicode.Scalar)
        case anyOne
        case anyRun
    }

    let elements: [Element]

    init(_ pattern: String) {
        var elements: [Element] = []
        var escaped = false
        for scalar in pattern.unicodeScalars {
            if escaped {
                elements.append(.scalar(scalar))
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else if scalar == "*" {
                if elements.last != .anyRun { elements.append(.anyRun) }
            } else if scalar == "?" {
                elements.append(.anyOne)
            } else {
                elements.append(.scalar(scalar))
            }
        }
        if escaped { elements.append(.scalar("\\")) }
        self.elements = elements
    }

    /// Whole-string match, with the usual backtrack-to-the-last-star loop (linear in practice).
    func matches(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var textIndex = 0
        var patternIndex = 0
        var starPattern = -1
        var starText = 0
        while textIndex < scalars.count {
            if patternIndex < elements.count {
                switch elements[patternIndex] {
                case .anyRun:
                    starPattern = patternIndex
                    starText = textIndex
                    patternIndex += 1
                    continue
                case .anyOne:
                    textIndex += 1
                    patternIndex += 1
                    continue
                case .scalar(let scalar) where scalar == scalars[textIndex]:
                    textIndex += 1
                    patternIndex += 1
                    continue
                case .scalar:
                    break
                }
            }
            guard starPattern >= 0 else { return false }
            starText += 1
            textIndex = starText
            patternIndex = starPattern + 1
        }
        while patternIndex < elements.count, elements[patternIndex] == .anyRun { patternIndex += 1 }
        return patternIndex == elements.count
    }
}
