import KQL

/// The rules grouped by what they pin, so one lookup per record finds the few rules that could
/// match it: by exact `event.action`, by action prefix (`Describe*`), then, for rules that leave
/// the action open, by exact `event.provider`; rules that pin neither are candidates always.
///
/// Grouping only narrows: each candidate still evaluates its whole query.
struct RuleIndex: Sendable {
    private var byAction = ByteKeyTable()
    private var byActionPrefix: [(prefix: [UInt8], rules: [Int])] = []
    private var byProvider = ByteKeyTable()
    private var byProviderPrefix: [(prefix: [UInt8], rules: [Int])] = []
    private var unindexed: [Int] = []
    /// The rules that read logs, in rule order: every rule but those reading alerts, which run
    /// over the scan's alerts once it has them.
    let logRules: [Int]

    init(rules: [CompiledRule]) {
        logRules = rules.indices.filter { !rules[$0].readsAlerts }
        var actionPrefixes: [String: [Int]] = [:]
        var providerPrefixes: [String: [Int]] = [:]
        for (index, rule) in rules.enumerated() {
            if rule.readsAlerts {
                continue
            } else if let action = rule.actionRequirement {
                for value in action.exact { byAction.add(index, for: Array(value.utf8)) }
                for prefix in action.prefixes { actionPrefixes[prefix, default: []].append(index) }
            } else if let provider = rule.providerRequirement {
                for value in provider.exact { byProvider.add(index, for: Array(value.utf8)) }
                for prefix in provider.prefixes { providerPrefixes[prefix, default: []].append(index) }
            } else {
                unindexed.append(index)
            }
        }
        byActionPrefix = actionPrefixes.sorted { $0.key < $1.key }.map { (Array($0.key.utf8), $0.value) }
        byProviderPrefix = providerPrefixes.sorted { $0.key < $1.key }.map { (Array($0.key.utf8), $0.value) }
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
        func add(_ rules: [Int]) {
            guard !rules.isEmpty else { return }
            candidates.append(contentsOf: rules)
            sources += 1
        }
        if let actionText {
            add(byAction.rules(for: actionText))
            for entry in byActionPrefix where Self.hasPrefix(actionText, entry.prefix) { add(entry.rules) }
        }
        if let providerText {
            add(byProvider.rules(for: providerText))
            for entry in byProviderPrefix where Self.hasPrefix(providerText, entry.prefix) { add(entry.rules) }
        }
        add(unindexed)
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

    private static func hasPrefix(_ value: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        value.count >= prefix.count && value.prefix(prefix.count).elementsEqual(prefix)
    }
}

/// Rule lists keyed by byte strings, looked up without making a `String` for each record.
struct ByteKeyTable: Sendable {
    private var buckets: [UInt64: [(key: [UInt8], rules: [Int])]] = [:]

    mutating func add(_ rule: Int, for key: [UInt8]) {
        let hash = key.withUnsafeBufferPointer(Self.hash)
        var entries = buckets[hash, default: []]
        if let position = entries.firstIndex(where: { $0.key == key }) {
            if entries[position].rules.last != rule { entries[position].rules.append(rule) }
        } else {
            entries.append((key, [rule]))
        }
        buckets[hash] = entries
    }

    func rules(for key: UnsafeBufferPointer<UInt8>) -> [Int] {
        guard let entries = buckets[Self.hash(key)] else { return [] }
        for entry in entries where entry.key.count == key.count && entry.key.elementsEqual(key) {
            return entry.rules
        }
        return []
    }

    /// FNV-1a: short keys, and only used to pick a bucket (keys are compared in full).
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
