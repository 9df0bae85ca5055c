import TrailTriageJSON

/// Interned strings: each distinct string is stored once and rows refer to it by number.
///
/// CloudTrail repeats the same providers, actions, ARNs, keys, accounts and regions across
/// thousands of events, so a 4-byte id per field is far smaller than a `String` per field.
/// Lookups work on UTF-8 bytes (an open-addressing table over the standard hash of the bytes), so a scan can intern
/// a value straight from a record's bytes and create a `String` only the first time it is seen.
struct StringTable: Sendable {
    /// Id 0 is always the empty string, so "no value" needs no optional.
    private(set) var strings: [String] = [""]
    /// The hash of each string, by id, so probing rarely compares bytes.
    private var hashes: [UInt64] = [0]
    /// Open-addressing slots holding ids; 0 marks an empty slot (id 0 is never stored).
    private var slots: [UInt32] = Array(repeating: 0, count: 1024)

    mutating func intern(_ text: String) -> UInt32 {
        var copy = text
        return copy.withUTF8 { intern(bytes: $0) }
    }

    mutating func intern(bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard !bytes.isEmpty else { return 0 }
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id == 0 { break }
            if hashes[Int(id)] == hash && Self.equal(strings[Int(id)], bytes) { return id }
            slot = (slot + 1) & mask
        }
        let id = UInt32(strings.count)
        strings.append(String(decoding: bytes, as: UTF8.self))
        hashes.append(hash)
        slots[slot] = id
        // Keep the table at most half full, so probe runs stay short.
        if strings.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of `text` when it was interned; lookups never grow the table.
    func id(of text: String) -> UInt32? {
        if text.isEmpty { return 0 }
        var copy = text
        return copy.withUTF8 { bytes -> UInt32? in
            let hash = Self.hash(bytes)
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let id = slots[slot]
                if id == 0 { return nil }
                if hashes[Int(id)] == hash && Self.equal(strings[Int(id)], bytes) { return id }
                slot = (slot + 1) & mask
            }
        }
    }

    subscript(id: UInt32) -> String { strings[Int(id)] }

    private mutating func grow() {
        var larger = [UInt32](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for id in 1..<strings.count {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = UInt32(id)
        }
        slots = larger
    }

    private static func equal(_ stored: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // The stored strings are native, so their bytes are contiguous; reading them through
        // `utf8` does not copy or retain them, unlike `withUTF8` on a copy.
        stored.utf8.withContiguousStorageIfAvailable { ByteSearch.equal($0, bytes) } ?? stored.utf8.elementsEqual(bytes)
    }

    /// The standard library's seeded hash of the bytes: a crafted log could otherwise fill the
    /// table with colliding values (every field here is attacker-controlled), and SipHash over a
    /// whole buffer is also faster than a byte-at-a-time loop for ARN-sized values.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return UInt64(UInt(bitPattern: hasher.finalize()))
    }
}
