/// Every rule match of a file or of a whole scan, in the compact form deciding needs.
struct MatchTable: Sendable {
    var records: [MatchedRecord] = []
    var combinationKeys: [CombinationKey] = []
    /// Matches per rule, indexed like the scan's rules.
    var byRule: [[RuleMatch]]
    /// The values of each combination, once per distinct combination. A worker moves them into
    /// its own ``CombinationTerms`` after each file, so they are held once per worker, not per file.
    var terms = CombinationTerms()

    init(ruleCount: Int) {
        byRule = Array(repeating: [], count: ruleCount)
    }

    var matchCount: Int { byRule.reduce(0) { $0 + $1.count } }

    /// Adds a matched record and returns its position.
    mutating func add(_ record: MatchedRecord) -> Int {
        records.append(record)
        return records.count - 1
    }

    /// Records that `rule` matched the record at `record`, with its new-terms combinations.
    mutating func addMatch(rule: Int, record: Int, combinations: [[String]]?) {
        let start = combinationKeys.count
        for combination in combinations ?? [] {
            let key = CombinationKey(combination)
            combinationKeys.append(key)
            terms.insert(combination, for: key)
        }
        byRule[rule].append(RuleMatch(record: record, combinations: start..<combinationKeys.count))
    }

    /// Appends another table's matches (its terms are left to the caller).
    mutating func append(contentsOf other: MatchTable) {
        let recordBase = records.count
        let keyBase = combinationKeys.count
        records.append(contentsOf: other.records)
        combinationKeys.append(contentsOf: other.combinationKeys)
        for (rule, matches) in other.byRule.enumerated() {
            byRule[rule].append(contentsOf: matches.lazy.map { match in
                RuleMatch(
                    record: match.record + recordBase,
                    combinations: (match.combinations.lowerBound + keyBase)..<(match.combinations.upperBound + keyBase)
                )
            })
        }
    }
}

/// The values behind each hashed new-terms combination. Memory follows the number of distinct
/// combinations: the many matches sharing one hold only its 128-bit key.
struct CombinationTerms: Sendable {
    private(set) var values: [CombinationKey: [String]] = [:]

    mutating func insert(_ combination: [String], for key: CombinationKey) {
        if values[key] == nil { values[key] = combination }
    }

    mutating func merge(_ other: CombinationTerms) {
        values.merge(other.values) { kept, _ in kept }
    }

    subscript(key: CombinationKey) -> [String]? { values[key] }
}
