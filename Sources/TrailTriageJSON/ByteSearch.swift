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
