import CloudTrailReader
import ESQL

/// Every rule match of a file or of a whole scan, in the compact form deciding needs.
struct MatchTable: Sendable {
    var records: [MatchedRecord] = []
    /// The inputs records point into.
    var paths: [String] = []
    var combinationKeys: [CombinationKey] = []
    /// Hashed single values: threshold rules' cardinality-field values (only their number of
    /// distinct values matters, so the values themselves are not kept).
    var valueKeys: [CombinationKey] = []
    /// ES|QL rules' rows, prepared from each matching document (only the columns the rest of
    /// the query reads), so the windows are run without reading the records again.
    var preparedRows: [ESQLRow] = []
    /// Matches per rule, indexed like the scan's rules.
    var byRule: [[RuleMatch]]
    /// The values of each combination, once per distinct combination. A worker moves them into
    /// its own ``CombinationTerms`` after each file, so they are held once per worker, not per file.
    var terms = CombinationTerms()
    /// The bytes of records read from standard input, which cannot be read again, by position.
    var keptBytes: [Int: [UInt8]] = [:]
    /// The hash of the canonical content of each record whose key is shared by other content (see
    /// ``EventIDConflicts``), by position: it tells such an event apart.
    var conflictContents: [Int: String] = [:]

    init(ruleCount: Int) {
        byRule = Array(repeating: [], count: ruleCount)
    }

    var matchCount: Int { byRule.reduce(0) { $0 + $1.count } }

    func location(of position: Int) -> RecordLocation {
        let record = records[position]
        return RecordLocation(
            file: paths[record.file], index: record.index, line: record.line > 0 ? record.line : nil,
            byteOffset: record.byteOffset
        )
    }

    /// What makes two matches the same event: the event key, plus the content when the key is
    /// shared by different content.
    func identity(of position: Int) -> String {
        let key = records[position].eventKey
        return conflictContents[position].map { key + "\u{1E}" + $0 } ?? key
    }

    /// Earliest first; ties broken by where the record was read, so results never depend on
    /// which worker finished first.
    func readOrder(_ lhs: Int, _ rhs: Int) -> Bool {
        let left = records[lhs]
        let right = records[rhs]
        if left.time != right.time { return left.time < right.time }
        if left.file != right.file && paths[left.file] != paths[right.file] {
            return paths[left.file] < paths[right.file]
        }
        return left.index < right.index
    }

    /// Adds a record matched in `span` of the file at `file` and returns its position.
    mutating func add(_ span: RecordSpan, file: Int, time: Int64, eventKey: String, digest: RecordDigest) -> Int {
        records.append(
            MatchedRecord(
                time: time, eventKey: eventKey, file: file, index: span.location.index, line: span.location.line ?? 0,
                byteOffset: span.location.byteOffset, range: span.range, digest: digest
            ))
        return records.count - 1
    }

    /// Records that `rule` matched the record at `record`, with its new-terms combinations.
    mutating func addMatch(
        rule: Int, record: Int, combinations: [[String]]?, values: [String] = [], stages: UInt32 = 0,
        row: ESQLRow? = nil
    ) {
        let start = combinationKeys.count
        for combination in combinations ?? [] {
            let key = CombinationKey(combination)
            combinationKeys.append(key)
            terms.insert(combination, for: key)
        }
        let valueStart = valueKeys.count
        for value in Set(values) { valueKeys.append(CombinationKey([value])) }
        var rowPosition: Int32 = -1
        if let row {
            rowPosition = Int32(truncatingIfNeeded: preparedRows.count)
            preparedRows.append(row)
        }
        byRule[rule].append(
            RuleMatch(
                record: record, combinations: start..<combinationKeys.count, values: valueStart..<valueKeys.count,
                stages: stages, row: rowPosition))
    }

    /// Appends another table's matches (its terms are left to the caller).
    mutating func append(contentsOf other: MatchTable) {
        let recordBase = records.count
        let fileBase = paths.count
        let keyBase = combinationKeys.count
        let valueBase = valueKeys.count
        let rowBase = Int32(truncatingIfNeeded: preparedRows.count)
        paths.append(contentsOf: other.paths)
        records.append(
            contentsOf: other.records.lazy.map { record in
                var moved = record
                moved.file += fileBase
                return moved
            })
        combinationKeys.append(contentsOf: other.combinationKeys)
        valueKeys.append(contentsOf: other.valueKeys)
        preparedRows.append(contentsOf: other.preparedRows)
        for (rule, matches) in other.byRule.enumerated() {
            byRule[rule].append(
                contentsOf: matches.lazy.map { match in
                    RuleMatch(
                        record: match.record + recordBase,
                        combinations: (match.combinations.lowerBound + keyBase)..<(match.combinations.upperBound
                            + keyBase),
                        values: (match.values.lowerBound + valueBase)..<(match.values.upperBound + valueBase),
                        stages: match.stages, row: match.row < 0 ? -1 : match.row + rowBase
                    )
                })
        }
        for (position, bytes) in other.keptBytes { keptBytes[position + recordBase] = bytes }
        for (position, content) in other.conflictContents { conflictContents[position + recordBase] = content }
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
