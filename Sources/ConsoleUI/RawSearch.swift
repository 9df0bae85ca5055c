/// Finding text in the raw record view, ignoring case, as `/` inside that view does.
enum RawSearch {
    /// One place the search text occurs: the line (an index into the view's lines) and the
    /// characters it covers there.
    struct Match: Sendable, Hashable {
        var line: Int
        var characters: Range<Int>
    }

    /// Where `query` occurs in `text`, in characters, without overlaps. Case is ignored one
    /// character at a time, so the offsets stay those of `text` whatever lowercasing does to
    /// the length of a character.
    static func ranges(of query: String, in text: String) -> [Range<Int>] {
        let needle = query.map { $0.lowercased() }
        guard !needle.isEmpty else { return [] }
        let haystack = text.map { $0.lowercased() }
        var found: [Range<Int>] = []
        var start = 0
        while start + needle.count <= haystack.count {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) {
                found.append(start..<(start + needle.count))
                start += needle.count
            } else {
                start += 1
            }
        }
        return found
    }

    /// Every match of `query` in `lines`, in reading order.
    static func matches(of query: String, in lines: [RawRecordLine]) -> [Match] {
        lines.enumerated().flatMap { index, line in
            ranges(of: query, in: line.text).map { Match(line: index, characters: $0) }
        }
    }
}
