/// A `DISSECT` pattern: literal delimiters between `%{key}` fields. It must match the whole input:
/// the leading text at the start, each key up to the first occurrence of its delimiter, a final key
/// without a delimiter to the end. `%{?name}` and `%{}` match without producing a column, and
/// `%{key->}` skips repeats of its delimiter. A failed match leaves every new column null.
struct ESQLDissectPattern: Sendable {
    struct Key: Sendable {
        /// The output column, `nil` for a skipped key.
        var column: String?
        var delimiter: [Unicode.Scalar]
        var skipsRepeatedDelimiter: Bool
    }

    let leading: [Unicode.Scalar]
    let keys: [Key]

    /// The columns the pattern produces, in order.
    var columns: [String] { keys.compactMap(\.column) }

    init(_ pattern: String) throws(ESQLPatternError) {
        let scalars = Array(pattern.unicodeScalars)
        func nextKeyStart(from position: Int) -> Int? {
            var index = position
            while index + 1 < scalars.count {
                if scalars[index] == "%" && scalars[index + 1] == "{" { return index }
                index += 1
            }
            return nil
        }
        guard var start = nextKeyStart(from: 0) else {
            throw ESQLPatternError(message: "DISSECT pattern \"\(pattern)\" has no %{key}")
        }
        leading = Array(scalars[0..<start])
        var keys: [Key] = []
        while true {
            guard let close = scalars[(start + 2)...].firstIndex(of: "}") else {
                throw ESQLPatternError(message: "DISSECT pattern \"\(pattern)\" has an unclosed %{")
            }
            var name = String(String.UnicodeScalarView(scalars[(start + 2)..<close]))
            var skipsRepeats = false
            if name.hasSuffix("->") {
                skipsRepeats = true
                name.removeLast(2)
            }
            var column: String? = name
            if name.isEmpty || name.hasPrefix("?") {
                column = nil
            } else if let modifier = name.first, "+&*".contains(modifier) {
                throw ESQLPatternError(
                    message: "DISSECT key modifier \"\(modifier)\" (in %{\(name)}) is not supported")
            }
            let following = nextKeyStart(from: close + 1)
            let delimiter = Array(scalars[(close + 1)..<(following ?? scalars.count)])
            if delimiter.isEmpty && following != nil {
                throw ESQLPatternError(message: "DISSECT pattern \"\(pattern)\" has two keys with no delimiter between")
            }
            keys.append(Key(column: column, delimiter: delimiter, skipsRepeatedDelimiter: skipsRepeats))
            guard let next = following else { break }
            start = next
        }
        var seen: Set<String> = []
        for column in keys.compactMap(\.column) where !seen.insert(column).inserted {
            throw ESQLPatternError(message: "DISSECT pattern names \"\(column)\" twice; that is not supported")
        }
        self.keys = keys
    }

    /// The values of ``columns`` (all null when the input does not match).
    func extract(from text: String) -> [ESQLValue] {
        let failed = columns.map { _ in ESQLValue.null }
        let input = Array(text.unicodeScalars)
        guard input.starts(with: leading) else { return failed }
        var position = leading.count
        var values: [ESQLValue] = []
        for key in keys {
            let end =
                key.delimiter.isEmpty ? input.count : Self.find(key.delimiter, in: input, from: position) ?? -1
            guard end >= 0 else { return failed }
            if key.column != nil {
                values.append(.keyword(String(String.UnicodeScalarView(input[position..<end]))))
            }
            position = end + key.delimiter.count
            if key.skipsRepeatedDelimiter && !key.delimiter.isEmpty {
                while input[position...].starts(with: key.delimiter) { position += key.delimiter.count }
            }
        }
        return position == input.count ? values : failed
    }

    private static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from start: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}
