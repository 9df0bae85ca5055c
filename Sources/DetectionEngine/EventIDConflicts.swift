import Alerts
import CloudTrailReader
import TrailTriageJSON

/// Records that share an `eventID` but not their content, among the events that matched a rule.
///
/// CloudTrail re-delivers an event unchanged, so a record with a known id and other content is
/// not a re-delivery: it is another event, or one forged to hide the first as a "duplicate".
/// Each distinct content then counts as its own event (``RuleMatch/identity``), and every record
/// involved is reported.
struct EventIDConflicts {
    /// Event keys used by more than one content.
    private(set) var conflicting: Set<String> = []
    /// One issue per record involved, in key then file order.
    private(set) var issues: [ReadIssue] = []
    /// The content hash of each record whose key is shared by other content.
    private var contentByLocation: [RecordLocation: String] = [:]

    /// Records involved, each once however many rules it matched.
    var recordCount: Int { issues.count }

    init(matches: [[RuleMatch]]) {
        // Almost every key is seen with one record's bytes (a re-delivery is byte-identical), so
        // only keys seen with different bytes are parsed to compare their content.
        var firstRecord: [String: [UInt8]] = [:]
        var suspects: Set<String> = []
        for list in matches {
            for match in list {
                if let first = firstRecord[match.eventKey] {
                    if first != match.record { suspects.insert(match.eventKey) }
                } else {
                    firstRecord[match.eventKey] = match.record
                }
            }
        }
        guard !suspects.isEmpty else { return }
        var contents: [String: Set<String>] = [:]
        var contentByLocation: [RecordLocation: String] = [:]
        for list in matches {
            for match in list where suspects.contains(match.eventKey) {
                let content = contentByLocation[match.location] ?? Self.contentKey(of: match.record)
                contentByLocation[match.location] = content
                contents[match.eventKey, default: []].insert(content)
            }
        }
        conflicting = Set(contents.filter { $0.value.count > 1 }.keys)
        guard !conflicting.isEmpty else { return }
        self.contentByLocation = contentByLocation
        var seen: Set<RecordLocation> = []
        var involved: [(key: String, location: RecordLocation)] = []
        for list in matches {
            for match in list where conflicting.contains(match.eventKey) && seen.insert(match.location).inserted {
                involved.append((match.eventKey, match.location))
            }
        }
        involved.sort { lhs, rhs in
            if lhs.key != rhs.key { return lhs.key < rhs.key }
            if lhs.location.file != rhs.location.file { return lhs.location.file < rhs.location.file }
            return lhs.location.index < rhs.location.index
        }
        issues = involved.map { key, location in
            let others = (contents[key]?.count ?? 2) - 1
            let reason = "eventID \(key) is also used by \(others) other event\(others == 1 ? "" : "s") with different "
                + "content; each is evaluated and alerted on as its own event, not as a re-delivery"
            return ReadIssue(kind: .eventIDConflict, file: location.file, location: location, reason: reason)
        }
    }

    /// `matches` with every event whose key is shared by other content told apart by its content.
    func resolving(_ matches: [[RuleMatch]]) -> [[RuleMatch]] {
        guard !conflicting.isEmpty else { return matches }
        return matches.map { list in
            list.map { match in
                var resolved = match
                if conflicting.contains(match.eventKey) { resolved.conflictContent = contentByLocation[match.location] }
                return resolved
            }
        }
    }

    /// The canonical content hash of a matched record. Matched records were validated by framing,
    /// so the parse cannot fail; if it did, the raw bytes stand in for the content.
    private static func contentKey(of record: [UInt8]) -> String {
        let parsed = record.withUnsafeBufferPointer { try? JSONParser.parse($0, repairingInvalidUTF8: true) }
        guard let parsed else { return "sha256:" + SHA256.hexDigest(record) }
        return AlertIdentity.contentKey(of: RecordEvaluator.unwrapEventBridge(parsed))
    }
}
