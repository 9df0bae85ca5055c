import Glibc
import TrailTriageJSON

/// Every event's `eventID`, kept as bytes end to end in one buffer.
///
/// Event ids are the one summary field that is different on every event, so interning them (as
/// ``StringTable`` does for the fields that repeat) would hash, probe and allocate a `String`
/// for each of half a million events only to never find it again. Here adding an id is a copy
/// into the buffer, and merging another worker's ids is one more copy. Id 0 is "no eventID".
struct EventIDStore: Sendable {
    private var bytes: [UInt8] = []
    /// Where each id's bytes end; id `n` spans `ends[n - 1]..<ends[n]`, and `ends[0]` is 0.
    private var ends: [Int] = [0]

    /// Ids stored, not counting the empty id 0.
    var count: Int { ends.count - 1 }

    mutating func add(bytes value: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard !value.isEmpty else { return 0 }
        bytes.append(contentsOf: value)
        ends.append(bytes.count)
        return UInt32(ends.count - 1)
    }

    mutating func add(_ text: String) -> UInt32 {
        var copy = text
        return copy.withUTF8 { add(bytes: $0) }
    }

    /// Appends every id of `other`; an id `n` of `other` is `n + offset` here afterwards
    /// (0 stays 0).
    mutating func append(contentsOf other: EventIDStore) -> UInt32 {
        let offset = UInt32(count)
        let base = bytes.count
        bytes.append(contentsOf: other.bytes)
        ends.reserveCapacity(ends.count + other.count)
        for end in other.ends.dropFirst() { ends.append(base + end) }
        return offset
    }

    subscript(id: UInt32) -> String {
        withBytes(of: id) { String(decoding: $0, as: UTF8.self) }
    }

    func withBytes<Result>(of id: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let position = Int(id)
        guard position > 0, position < ends.count else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return bytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[ends[position - 1]..<ends[position]]))
        }
    }

    /// Whether id `id` spells `text`, byte for byte.
    func id(_ id: UInt32, equals text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { wanted in withBytes(of: id) { ByteSearch.equal($0, wanted) } }
    }

    /// Whether two ids are the same bytes.
    func id(_ lhs: UInt32, equalsID rhs: UInt32) -> Bool {
        withBytes(of: lhs) { left in withBytes(of: rhs) { ByteSearch.equal(left, $0) } }
    }

    /// Orders ids as their strings order (the tie-break between events of the same millisecond).
    /// ASCII ids, the only kind AWS writes, compare by bytes; any other falls back to `String`
    /// comparison so the order is the one the index always had.
    func isOrdered(_ lhs: UInt32, before rhs: UInt32) -> Bool {
        withBytes(of: lhs) { left in
            withBytes(of: rhs) { right in
                guard UTF8Validation.isASCII(left), UTF8Validation.isASCII(right) else {
                    return String(decoding: left, as: UTF8.self) < String(decoding: right, as: UTF8.self)
                }
                let shared = min(left.count, right.count)
                if shared > 0, let leftBase = left.baseAddress, let rightBase = right.baseAddress {
                    let order = memcmp(leftBase, rightBase, shared)
                    if order != 0 { return order < 0 }
                }
                return left.count < right.count
            }
        }
    }

    /// Whether each of `ids` (in order) is the first with its bytes: the later ones are
    /// re-deliveries of an event already seen. Id 0 (no eventID) is always kept.
    func firstOccurrences(_ ids: [UInt32]) -> [Bool] {
        var slots = [UInt32](repeating: 0, count: max(16, (ids.count * 2).nextPowerOfTwo))
        let mask = slots.count - 1
        var first = [Bool](repeating: true, count: ids.count)
        for (position, id) in ids.enumerated() where id != 0 {
            var slot = Int(truncatingIfNeeded: hash(of: id)) & mask
            while slots[slot] != 0 {
                if self.id(slots[slot], equalsID: id) {
                    first[position] = false
                    break
                }
                slot = (slot + 1) & mask
            }
            if first[position] { slots[slot] = id }
        }
        return first
    }

    private func hash(of id: UInt32) -> Int {
        withBytes(of: id) { value in
            var hasher = Hasher()
            hasher.combine(bytes: UnsafeRawBufferPointer(value))
            return hasher.finalize()
        }
    }
}

extension Int {
    /// The smallest power of two at least `self` (1 for values below 1).
    fileprivate var nextPowerOfTwo: Int {
        var value = 1
        while value < self { value <<= 1 }
        return value
    }
}
