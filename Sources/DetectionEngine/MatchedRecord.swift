import CloudTrailReader

/// A record that matched at least one rule, kept without its bytes until alerts are decided.
///
/// Broad rules match a large share of all records, so a match holds where its record is (to
/// read it again if it alerts) and what deciding needs, not the record itself; only standard
/// input, which cannot be read twice, keeps its matched records' bytes.
struct MatchedRecord: Sendable {
    var time: Int64
    var eventKey: String
    var location: RecordLocation
    /// The record's byte range in the decompressed file.
    var range: Range<Int>
    var digest: RecordDigest
    /// The record's bytes, kept only for standard input.
    var bytes: [UInt8]?
    /// The hash of the event's canonical content, set only when other content shares `eventKey`
    /// (see ``EventIDConflicts``): it then tells this event apart.
    var conflictContent: String? = nil

    /// What makes two matches the same event: the event key, plus the content when the key is
    /// shared by different content.
    var identity: String {
        conflictContent.map { eventKey + "\u{1E}" + $0 } ?? eventKey
    }

    /// Earliest first; ties broken by where the record was read, so results never depend on
    /// which worker finished first.
    static func readOrder(_ lhs: MatchedRecord, _ rhs: MatchedRecord) -> Bool {
        if lhs.time != rhs.time { return lhs.time < rhs.time }
        if lhs.location.file != rhs.location.file { return lhs.location.file < rhs.location.file }
        return lhs.location.index < rhs.location.index
    }
}
