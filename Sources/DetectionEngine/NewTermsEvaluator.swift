/// Decides which query matches of a new_terms rule carry a value combination not seen in the
/// history window before them.
///
/// Offline there are no scheduled runs, so the rule's question is asked of every event:
/// did any query-matching event in `[t - window, t)` carry this combination? Candidates are
/// processed in time order whatever order the files came in.
///
/// The history keeps one entry per distinct combination: a 128-bit hash of its values and the
/// last time it was seen. Entries older than the window can never answer "seen" again (time only
/// moves forward), so they are pruned as the scan advances, and memory follows the combinations
/// alive in one window rather than the number of events.
struct NewTermsEvaluator {
    struct Candidate {
        var time: Int64
        var eventKey: String
        /// Every value combination of the event (cartesian product over the fields).
        var combinations: [[String]]
        var payload: Int
    }

    struct Decision {
        var payload: Int
        var newTerms: [String]
    }

    /// A candidate whose combinations are already hashed (see ``MatchTable``).
    struct KeyedCandidate {
        var time: Int64
        var eventKey: String
        var keys: ArraySlice<CombinationKey>
        var payload: Int
    }

    struct KeyedDecision {
        var payload: Int
        var key: CombinationKey
        /// The combination's position among its candidate's keys.
        var combination: Int
    }

    let windowMilliseconds: Int64

    /// The candidates (and combinations) that are new, in time order.
    func evaluate(_ candidates: [Candidate]) -> [Decision] {
        let keyed = candidates.enumerated().map { position, candidate in
            KeyedCandidate(
                time: candidate.time, eventKey: candidate.eventKey,
                keys: ArraySlice(candidate.combinations.map(CombinationKey.init)), payload: position
            )
        }
        return evaluate(keyed: keyed).map { decision in
            let candidate = candidates[decision.payload]
            return Decision(payload: candidate.payload, newTerms: candidate.combinations[decision.combination])
        }
    }

    /// The keyed candidates (and combinations) that are new, in time order.
    func evaluate(keyed candidates: [KeyedCandidate]) -> [KeyedDecision] {
        let ordered = candidates.sorted { lhs, rhs in
            lhs.time != rhs.time ? lhs.time < rhs.time : lhs.eventKey < rhs.eventKey
        }
        var history = History()
        var decisions: [KeyedDecision] = []
        var groupStart = ordered.startIndex
        while groupStart < ordered.endIndex {
            // Events at the same instant are not each other's history: the window is half-open.
            let time = ordered[groupStart].time
            var groupEnd = groupStart
            while groupEnd < ordered.endIndex && ordered[groupEnd].time == time { groupEnd += 1 }
            let group = ordered[groupStart..<groupEnd]
            history.prune(before: time - windowMilliseconds)
            // A term is new once: when several events carry it at its earliest instant, Kibana gives
            // one alert (the earliest document), so the tie goes to the lowest event key
            // (detection-semantics §2.3, kibana#174148) and the others at that instant do not alert.
            var decidedAtThisInstant: Set<CombinationKey> = []
            for candidate in group {
                for (offset, key) in candidate.keys.enumerated()
                where !history.wasSeen(key, since: time - windowMilliseconds)
                    && decidedAtThisInstant.insert(key).inserted
                {
                    decisions.append(KeyedDecision(payload: candidate.payload, key: key, combination: offset))
                }
            }
            for candidate in group {
                for key in candidate.keys {
                    history.record(key, at: time)
                }
            }
            groupStart = groupEnd
        }
        return decisions
    }

    /// Last-seen times by combination, pruned to the window.
    struct History {
        private var lastSeen: [CombinationKey: Int64] = [:]
        /// The size after the last prune; pruning again only once it has doubled keeps the cost
        /// of pruning proportional to the insertions.
        private var sizeAfterPrune = 0

        func wasSeen(_ key: CombinationKey, since start: Int64) -> Bool {
            guard let previous = lastSeen[key] else { return false }
            return previous >= start
        }

        mutating func record(_ key: CombinationKey, at time: Int64) {
            lastSeen[key] = time
        }

        mutating func prune(before start: Int64) {
            guard lastSeen.count > max(1024, 2 * sizeAfterPrune) else { return }
            lastSeen = lastSeen.filter { $0.value >= start }
            sizeAfterPrune = lastSeen.count
        }

        var count: Int { lastSeen.count }
    }

    /// Every combination of one value per field, at most `limit` of them; empty when a field has no value.
    static func combinations(of fieldValues: [[String]], limit: Int = 100) -> [[String]] {
        var result: [[String]] = [[]]
        for values in fieldValues {
            let unique = values.reduce(into: [String]()) { list, value in
                if !list.contains(value) { list.append(value) }
            }
            guard !unique.isEmpty else { return [] }
            var next: [[String]] = []
            outer: for prefix in result {
                for value in unique {
                    next.append(prefix + [value])
                    if next.count == limit { break outer }
                }
            }
            result = next
        }
        return result
    }
}

/// A value combination reduced to 128 bits: two unrelated 64-bit hashes (FNV-1a and a
/// multiply-rotate mix) over the values' lengths and UTF-8. A false "seen" needs two distinct
/// combinations to collide in both at once; the hash is the same on every run and machine.
struct CombinationKey: Hashable, Sendable {
    let high: UInt64
    let low: UInt64

    init(_ combination: [String]) {
        var first: UInt64 = 0xCBF2_9CE4_8422_2325
        var second: UInt64 = 0x8422_2325_CBF2_9CE4
        func mix(_ byte: UInt8) {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second &+ UInt64(byte) &+ 1) &* 0xFF51_AFD7_ED55_8CCD
            second = (second << 31) | (second >> 33)
        }
        for value in combination {
            // The length first keeps ("a", "bc") and ("ab", "c") apart.
            var length = UInt64(value.utf8.count)
            for _ in 0..<8 {
                mix(UInt8(truncatingIfNeeded: length))
                length >>= 8
            }
            for byte in value.utf8 { mix(byte) }
        }
        high = first
        low = second
    }
}
