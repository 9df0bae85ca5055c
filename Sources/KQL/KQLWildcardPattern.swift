/// An anchored KQL wildcard pattern, pre-split into literal byte segments.
///
/// KQL only knows `*` (zero or more characters); `?` is an ordinary character. Because the only
/// wildcard is `*`, the pattern `P*M1*M2*S` matches exactly when the value starts with `P`, ends with
/// `S`, and contains `M1` then `M2` in order in between; finding each middle segment at its leftmost
/// position is then always correct, so matching needs no backtracking.
public struct KQLWildcardPattern: Hashable, Sendable {
    /// The literal text before the first `*`.
    let prefix: [UInt8]
    /// The literal text after the last `*`.
    let suffix: [UInt8]
    /// The non-empty literal runs between the first and last `*`, in order.
    let middle: [[UInt8]]
    /// The literal text around each `*`, in order; `n` stars give `n + 1` (possibly empty) runs.
    public let segments: [String]
    /// The pattern as KQL text that parses back to it; used for descriptions.
    let source: String
    private let minimumLength: Int

    /// Builds a pattern from literal runs separated by wildcards.
    ///
    /// - Parameter segments: The literal text around each `*`; a pattern with `n` stars has `n + 1`
    ///   segments, some of which may be empty. Must hold at least two segments.
    init(segments: [String]) {
        self.segments = segments
        let bytes = segments.map { Array($0.utf8) }
        prefix = bytes.first ?? []
        suffix = bytes.count > 1 ? bytes[bytes.count - 1] : []
        middle = bytes.count > 2 ? bytes[1..<(bytes.count - 1)].filter { !$0.isEmpty } : []
        minimumLength = bytes.reduce(0) { $0 + $1.count }
        source = KQLUnquotedLiteral.source(segments: segments)
    }

    func matches(_ value: String) -> Bool {
        value.withKQLUTF8(matches)
    }

    func matches(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = value.count
        guard count >= minimumLength,
            Self.hasSegment(prefix, in: value, at: 0),
            Self.hasSegment(suffix, in: value, at: count - suffix.count)
        else {
            return false
        }
        var lower = prefix.count
        let upper = count - suffix.count
        for segment in middle {
            guard let found = Self.firstIndex(of: segment, in: value, from: lower, before: upper) else {
                return false
            }
            lower = found + segment.count
        }
        return true
    }

    private static func hasSegment(_ segment: [UInt8], in value: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        var index = 0
        while index < segment.count {
            if value[start + index] != segment[index] {
                return false
            }
            index += 1
        }
        return true
    }

    /// Leftmost occurrence of `segment` lying entirely within `lower..<upper`.
    private static func firstIndex(
        of segment: [UInt8], in value: UnsafeBufferPointer<UInt8>, from lower: Int, before upper: Int
    ) -> Int? {
        guard let first = segment.first else {
            return lower
        }
        let lastStart = upper - segment.count
        guard lastStart >= lower else {
            return nil
        }
        var start = lower
        while start <= lastStart {
            if value[start] == first && hasSegment(segment, in: value, at: start) {
                return start
            }
            start += 1
        }
        return nil
    }
}
