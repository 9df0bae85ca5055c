import Glibc

/// Finding literal bytes in a buffer, for the scan's cheap checks before any parsing.
public enum ByteSearch {
    /// Whether `marker` occurs in `text`. `memchr` finds candidates for the marker's rarest-looking
    /// byte (its first capital letter, as JSON text is mostly lower-case), then `memcmp` checks
    /// them: much faster than testing every position, and faster here than glibc's `memmem` for
    /// the short markers rules carry.
    public static func contains(_ text: UnsafeBufferPointer<UInt8>, _ marker: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let markerBase = marker.baseAddress, !marker.isEmpty else { return true }
        guard let base = text.baseAddress, text.count >= marker.count else { return false }
        let anchor = marker.firstIndex { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") } ?? 0
        let anchorByte = Int32(marker[anchor])
        var start = anchor
        let last = text.count - (marker.count - anchor)
        while start <= last {
            guard let hit = memchr(base + start, anchorByte, last - start + 1) else { return false }
            let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + position - anchor, markerBase, marker.count) == 0 { return true }
            start = position + 1
        }
        return false
    }
}

extension ByteSearch {
    /// Whether two byte runs are equal. `memcmp` rather than `elementsEqual`: the generic
    /// sequence comparison walks byte by byte through iterators, and these comparisons run for
    /// every key and interned value of every record.
    @inlinable
    public static func equal(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard let left = lhs.baseAddress, let right = rhs.baseAddress else { return lhs.isEmpty }
        return memcmp(left, right, lhs.count) == 0
    }

    /// Whether `bytes` spell exactly `spelling`: for matching keys against fixed names, with no
    /// table (an array of spellings costs reference counting on every comparison).
    @inlinable
    public static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ spelling: StaticString) -> Bool {
        guard spelling.utf8CodeUnitCount == bytes.count else { return false }
        guard let base = bytes.baseAddress else { return bytes.isEmpty }
        return memcmp(spelling.utf8Start, base, bytes.count) == 0
    }

    /// Whether `bytes` spell exactly `spelling`.
    @inlinable
    public static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ spelling: [UInt8]) -> Bool {
        guard bytes.count == spelling.count else { return false }
        return spelling.withUnsafeBufferPointer { equal(bytes, $0) }
    }

    /// Whether a key and a path segment have the same UTF-8 bytes, as Elasticsearch compares
    /// field names. `==` between a `String` and a `Substring` takes the Unicode-aware slow path
    /// (`_stringCompareInternal`) every time, and documents are looked up by path for every field
    /// a rule reads.
    @inlinable
    public static func equal<Key: StringProtocol, Segment: StringProtocol>(_ key: Key, _ segment: Segment) -> Bool {
        let left = key.utf8
        let right = segment.utf8
        guard left.count == right.count else { return false }
        let compared = left.withContiguousStorageIfAvailable { leftBytes in
            right.withContiguousStorageIfAvailable { rightBytes in equal(leftBytes, rightBytes) }
        }
        return (compared ?? nil) ?? left.elementsEqual(right)
    }
}
