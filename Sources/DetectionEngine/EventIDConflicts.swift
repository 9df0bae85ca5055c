import Alerts
import CloudTrailReader
import TrailTriageJSON

/// Records that share an `eventID` but not their content, among the events that matched a rule.
///
/// CloudTrail re-delivers an event unchanged, so a record with a known id and other content is
/// not a re-delivery: it is another event, or one forged to hide the first as a "duplicate".
/// Each distinct content then counts as its own event (``MatchTable/identity(of:)``), and every
/// record involved is reported.
struct EventIDConflicts {
    /// Event keys used by more than one content.
    private(set) var conflicting: Set<String> = []
    /// One issue per record involved, in key then file order.
    private(set) var issues: [ReadIssue] = []
    /// Files whose suspect records could not be read again to compare their content.
    private(set) var readIssues: [ReadIssue] = []
    /// The content hash of each matched record (by position) whose key is shared by other content.
    private var contentByRecord: [Int: String] = [:]

    /// Records involved.
    var recordCount: Int { issues.count }

    init(table: MatchTable, reader: RecordRereader) {
        let records = table.records
        // Almost every key is seen with one record's bytes (a re-delivery is byte-identical), so
        // only keys seen with different bytes (by digest) are read again and parsed to compare
        // their content.
        var firstDigest: [String: RecordDigest] = [:]
        var suspects: Set<String> = []
        for record in records {
            if let first = firstDigest[record.eventKey] {
                if first != record.digest { suspects.insert(record.eventKey) }
            } else {
                firstDigest[record.eventKey] = record.digest
            }
        }
        guard !suspects.isEmpty else { return }
        let positions = records.indices.filter { suspects.contains(records[$0].eventKey) }
        let read = reader.read(positions, in: table) { Self.contentKey(of: $0) }
        readIssues = read.failures.map { failure in
            ReadIssue(
                kind: .unreadableFile, file: failure.file,
                reason: "\(failure.reason): \(failure.records) "
                    + "record\(failure.records == 1 ? "" : "s") sharing an eventID with other content could not be "
                    + "compared, so each counts as its own event")
        }
        var contents: [String: Set<String>] = [:]
        var contentByRecord: [Int: String] = [:]
        for (position, content) in zip(positions, read.values) {
            // A record that could not be read again stands for itself: told apart by its raw bytes,
            // it may alert twice but never hides behind another.
            let digest = records[position].digest
            let key = content ?? "unread:\(digest.length):\(String(digest.hash, radix: 16))"
            contentByRecord[position] = key
            contents[records[position].eventKey, default: []].insert(key)
        }
        conflicting = Set(contents.filter { $0.value.count > 1 }.keys)
        guard !conflicting.isEmpty else { return }
        self.contentByRecord = contentByRecord
        var seen: Set<RecordLocation> = []
        let involved = positions.filter {
            conflicting.contains(records[$0].eventKey) && seen.insert(table.location(of: $0)).inserted
        }.sorted { lhs, rhs in
            if records[lhs].eventKey != records[rhs].eventKey { return records[lhs].eventKey < records[rhs].eventKey }
            let left = table.location(of: lhs)
            let right = table.location(of: rhs)
            if left.file != right.file { return left.file < right.file }
            return left.index < right.index
        }
        issues = involved.map { position in
            let key = records[position].eventKey
            let location = table.location(of: position)
            let others = (contents[key]?.count ?? 2) - 1
            let reason =
                "eventID \(key) is also used by \(others) other event\(others == 1 ? "" : "s") with different "
                + "content; each is evaluated and alerted on as its own event, not as a re-delivery"
            return ReadIssue(kind: .eventIDConflict, file: location.file, location: location, reason: reason)
        }
    }

    /// Tells every record whose key is shared by other content apart by its content.
    func resolve(_ table: inout MatchTable) {
        for (position, content) in contentByRecord where conflicting.contains(table.records[position].eventKey) {
            table.conflictContents[position] = content
        }
    }

    /// The canonical content hash of a matched record. Matched records were validated by framing,
    /// so the parse cannot fail; if it did, the raw bytes stand in for the content.
    private static func contentKey(of record: UnsafeBufferPointer<UInt8>) -> String {
        guard let parsed = try? JSONParser.parse(record, repairingInvalidUTF8: true) else {
            return "sha256:" + SHA256.hexDigest(record)
        }
        return AlertIdentity.contentKey(of: RecordEvaluator.unwrapEventBridge(parsed))
    }
}
