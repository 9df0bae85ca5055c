import KQL
import TrailTriageJSON

/// The rules grouped by what they pin, so one lookup per record finds the few rules that could
/// match it: by exact `event.action`, by action prefix (`Describe*`), then, for rules that leave
/// the action open, by exact `event.provider`; rules that pin neither are candidates always.
///
/// Grouping only narrows: each candidate still evaluates its whole query.
struct RuleIndex: Sendable {
    private var byAction = ByteKeyTable()
    private var byActionPrefix = ByteKeyTable()
    private var byProvider = ByteKeyTable()
    private var byProviderPrefix = ByteKeyTable()
    private var unindexed: [Int] = []
    /// The rules that read logs, in rule order: every rule but those reading alerts, which run
    /// over the scan's alerts once it has them.
    let logRules: [Int]

    init(rules: [CompiledRule]) {
        logRules = rules.indices.filter { !rules[$0].readsAlerts }
        for (index, rule) in rules.enumerated() {
            if rule.readsAlerts {
                continue
            } else if let action = rule.actionRequirement {
                for value in action.exact { byAction.add(index, for: Array(value.utf8)) }
                for prefix in action.prefixes { byActionPrefix.add(index, for: Array(prefix.utf8)) }
            } else if let provider = rule.providerRequirement {
                for value in provider.exact { byProvider.add(index, for: Array(value.utf8)) }
                for prefix in provider.prefixes { byProviderPrefix.add(index, for: Array(prefix.utf8)) }
            } else {
                unindexed.append(index)
            }
        }
    }

    /// The indexes of the rules that could match a record with this action and provider, in
    /// rule order, written into `candidates` (reused between records to avoid allocations).
    func candidates(action: KQLPartialValue, provider: KQLPartialValue, into candidates: inout [Int]) {
        candidates.removeAll(keepingCapacity: true)
        guard let actionText = Self.lookupText(action), let providerText = Self.lookupText(provider) else {
            candidates.append(contentsOf: logRules)
            return
        }
        var sources = 0
        if let actionText {
            sources += byAction.appendRules(for: actionText, to: &candidates)
            sources += byActionPrefix.appendRules(prefixing: actionText, to: &candidates)
        }
        if let providerText {
            sources += byProvider.appendRules(for: providerText, to: &candidates)
            sources += byProviderPrefix.appendRules(prefixing: providerText, to: &candidates)
        }
        if !unindexed.isEmpty {
            candidates.append(contentsOf: unindexed)
            sources += 1
        }
        if sources > 1 {
            candidates.sort()
            var kept = 0
            for position in candidates.indices where kept == 0 || candidates[kept - 1] != candidates[position] {
                candidates[kept] = candidates[position]
                kept += 1
            }
            candidates.removeLast(candidates.count - kept)
        }
    }

    /// `.some(nil)` for an absent field (no rule pinning it can match), `nil` when unknown.
    private static func lookupText(_ value: KQLPartialValue) -> UnsafeBufferPointer<UInt8>?? {
        switch value {
        case .text(let bytes): return .some(bytes)
        case .absent: return .some(nil)
        case .unknown, .present: return nil
        }
    }
}

/// Rule lists keyed by byte strings, looked up without making a `String` for each record.
///
/// Hand-written for speed: every record looks up its action and provider here, and a
/// `Dictionary` of arrays cost hashing with `Hasher` and reference counting on each lookup.
/// Keys, entries and rules sit in flat arrays of plain values, and the table is open-addressed
/// by an FNV-1a hash, so a lookup touches no reference-counted storage beyond the arrays.
struct ByteKeyTable: Sendable {
    /// Plain values only, so reading one costs no reference counting.
    private struct Entry: Sendable {
        var hash: UInt64
        var keyStart: Int
        var keyCount: Int
    }

    private var keyBytes: [UInt8] = []
    private var entries: [Entry] = []
    /// The rules of each entry while the table is built.
    private var ruleLists: [[Int]] = []
    /// Rules of each entry, flattened in entry order once the table is built (see ``add``).
    private var flatRules: [Int] = []
    private var ruleRanges: [Range<Int>] = []
    /// Open-addressed: entry index + 1, 0 for an empty slot; a power of two long.
    private var slots: [Int] = []

    mutating func add(_ rule: Int, for key: [UInt8]) {
        let hash = key.withUnsafeBufferPointer(Self.hash)
        if let position = entries.firstIndex(where: { $0.hash == hash && keyOf($0) == key }) {
            if ruleLists[position].last != rule { ruleLists[position].append(rule) }
        } else {
            entries.append(Entry(hash: hash, keyStart: keyBytes.count, keyCount: key.count))
            ruleLists.append([rule])
            keyBytes.append(contentsOf: key)
        }
        rebuild()
    }

    private func keyOf(_ entry: Entry) -> [UInt8] {
        Array(keyBytes[entry.keyStart..<(entry.keyStart + entry.keyCount)])
    }

    /// Lays out the flat rules and the slots again (rules are added once, at scan set-up).
    private mutating func rebuild() {
        flatRules = []
        ruleRanges = []
        for rules in ruleLists {
            ruleRanges.append(flatRules.count..<(flatRules.count + rules.count))
            flatRules.append(contentsOf: rules)
        }
        var size = 8
        while size < entries.count * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = index + 1
        }
    }

    /// Appends the rules of `key`; returns 1 when there were any, else 0.
    func appendRules(for key: UnsafeBufferPointer<UInt8>, to rules: inout [Int]) -> Int {
        guard !entries.isEmpty else { return 0 }
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let index = slots[slot] - 1
            if entries[index].hash == hash, keyEquals(index, key) {
                rules.append(contentsOf: flatRules[ruleRanges[index]])
                return 1
            }
            slot = (slot + 1) & mask
        }
        return 0
    }

    /// Appends the rules of every key that is a prefix of `value` (the table holds few
    /// prefixes); returns how many keys matched.
    func appendRules(prefixing value: UnsafeBufferPointer<UInt8>, to rules: inout [Int]) -> Int {
        var matched = 0
        for index in entries.indices {
            let count = entries[index].keyCount
            guard count <= value.count, keyEquals(index, UnsafeBufferPointer(rebasing: value[..<count])) else {
                continue
            }
            rules.append(contentsOf: flatRules[ruleRanges[index]])
            matched += 1
        }
        return matched
    }

    private func keyEquals(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let entry = entries[index]
        guard entry.keyCount == key.count else { return false }
        return keyBytes.withUnsafeBufferPointer { all in
            ByteSearch.equal(
                UnsafeBufferPointer(rebasing: all[entry.keyStart..<(entry.keyStart + entry.keyCount)]), key)
        }
    }

    /// FNV-1a: short keys, and only used to pick a slot (keys are compared in full).
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
