import TrailTriageJSON

/// Prints a JSON object the way Java's `AbstractMap.toString()` prints the `HashMap` Elasticsearch
/// builds from it (spec §7).
///
/// Elastic stores `aws.cloudtrail.request_parameters` and friends as that text, and rules wildcard
/// it (`*logging*enabled=false*`), so the text must say `key=value` the way Java would. The key
/// order is emulated too, so that documents compare byte for byte with Elastic's:
/// - a `HashMap` iterates its table bucket by bucket, and keys that share a bucket in insertion
///   (record) order, because resizing splits buckets without reordering them;
/// - the bucket is the spread `String.hashCode()` masked by the table size;
/// - the table starts at 16 slots and doubles whenever the size passes three quarters of it. The
///   size counts every key the record had, because Elastic removes empty values from the map after
///   building it and removal never shrinks the table.
///
/// Empty values (spec §8) are skipped while printing, so callers pass the raw, unpruned object.
enum JavaMapText {
    /// The `Map.toString()` text, or `nil` when nothing is left after dropping empty values.
    /// `excludedKey` is left out of the text but still counts towards the table size (it models a
    /// key the pipeline moved elsewhere after building the map).
    static func string(for object: JSONObject, excludingKey excludedKey: String? = nil) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        guard writeObject(object, excludingKey: excludedKey, into: &output) else { return nil }
        return String(decoding: output, as: UTF8.self)
    }

    /// Java's `String.hashCode()` over UTF-16 code units, with `HashMap`'s high-bit spreading.
    static func spreadHash(_ key: String) -> UInt32 {
        var hash: UInt32 = 0
        for unit in key.utf16 {
            hash = hash &* 31 &+ UInt32(unit)
        }
        return hash ^ (hash >> 16)
    }

    /// The table size a `HashMap` reaches after `count` insertions of well-spread keys.
    static func tableCapacity(forCount count: Int) -> Int {
        var capacity = 16
        while count * 4 > capacity * 3 {
            capacity *= 2
        }
        return capacity
    }

    /// The table size after inserting keys with these spread hashes in order, replaying
    /// `HashMap.put`.
    ///
    /// Besides the load-factor rule, Java doubles a table smaller than 64 slots instead of
    /// turning a bucket into a tree when a key arrives at a bucket that already holds eight.
    /// (Tree bins themselves, which need 64+ slots and nine colliding keys, are not emulated.)
    static func tableCapacity(forHashes hashes: [UInt32]) -> Int {
        // Nine keys are needed before a collision can grow the table.
        guard hashes.count > 8 else { return 16 }
        var capacity = 16
        var occupancy = [Int](repeating: 0, count: capacity)
        for (inserted, hash) in hashes.enumerated() {
            let bucket = Int(hash & UInt32(capacity - 1))
            let binWasFull = occupancy[bucket] >= 8
            occupancy[bucket] += 1
            let size = inserted + 1
            var newCapacity = capacity
            if binWasFull && newCapacity < 64 { newCapacity *= 2 }
            if size * 4 > newCapacity * 3 { newCapacity *= 2 }
            if newCapacity != capacity {
                capacity = newCapacity
                occupancy = [Int](repeating: 0, count: capacity)
                for earlier in hashes[...inserted] {
                    occupancy[Int(earlier & UInt32(capacity - 1))] += 1
                }
            }
        }
        return capacity
    }

    /// Member indices in Java iteration order.
    static func iterationOrder(of members: [JSONMember]) -> [Int] {
        let hashes = members.map { spreadHash($0.key) }
        let mask = UInt32(tableCapacity(forHashes: hashes) - 1)
        var slots: [(bucket: UInt32, index: Int)] = []
        slots.reserveCapacity(members.count)
        for (index, hash) in hashes.enumerated() {
            slots.append((hash & mask, index))
        }
        // Ties keep record order because the index is the second key.
        slots.sort { $0.bucket != $1.bucket ? $0.bucket < $1.bucket : $0.index < $1.index }
        return slots.map(\.index)
    }

    /// Writes `value`; returns `false` (having written nothing) when it is empty after pruning.
    @discardableResult
    static func write(_ value: JSONValue, into output: inout [UInt8]) -> Bool {
        switch value {
        case .null:
            return false
        case .string(let text):
            if EmptyValuePruner.isPlaceholder(text) { return false }
            output.append(contentsOf: text.utf8)
            return true
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
            return true
        case .number(let text):
            output.append(contentsOf: JavaNumberText.text(forJSONNumber: text).utf8)
            return true
        case .array(let elements):
            return writeList(elements, open: "[", close: "]", into: &output) { element, output in
                write(element, into: &output)
            }
        case .object(let object):
            return writeObject(object, excludingKey: nil, into: &output)
        }
    }

    private static func writeObject(
        _ object: JSONObject, excludingKey excludedKey: String?, into output: inout [UInt8]
    ) -> Bool {
        let members = iterationOrder(of: object.members).lazy
            .map { object.members[$0] }
            .filter { excludedKey == nil || $0.key != excludedKey }
        return writeList(members, open: "{", close: "}", into: &output) { member, output in
            output.append(contentsOf: member.key.utf8)
            output.append(UInt8(ascii: "="))
            return write(member.value, into: &output)
        }
    }

    /// Writes `items` between `open` and `close`, separated by `", "`. An item whose writer
    /// reports that it wrote nothing (an empty value, dropped as Elastic drops it) leaves no
    /// trace, and a list that ends up empty is removed entirely and reported as nothing written.
    private static func writeList<Items: Sequence>(
        _ items: Items, open: Unicode.Scalar, close: Unicode.Scalar, into output: inout [UInt8],
        writeItem: (Items.Element, inout [UInt8]) -> Bool
    ) -> Bool {
        let start = output.count
        output.append(UInt8(ascii: open))
        var wroteAny = false
        for item in items {
            let mark = output.count
            if wroteAny {
                output.append(UInt8(ascii: ","))
                output.append(UInt8(ascii: " "))
            }
            if writeItem(item, &output) {
                wroteAny = true
            } else {
                output.removeSubrange(mark...)
            }
        }
        guard wroteAny else {
            output.removeSubrange(start...)
            return false
        }
        output.append(UInt8(ascii: close))
        return true
    }
}
