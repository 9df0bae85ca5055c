/// A record that matched at least one rule, kept without its bytes until alerts are decided.
///
/// Broad rules match a large share of all records, so a match holds where its record is (to
/// read it again if it alerts) and what deciding needs, not the record itself. Its file is a
/// position in ``MatchTable/paths`` and what only a few records have (standard input's bytes,
/// eventID-conflict content) lives in the table, keeping this a few words.
struct MatchedRecord: Sendable {
    var time: Int64
    var eventKey: String
    /// The record's input, as a position in ``MatchTable/paths``.
    var file: Int
    var index: Int
    /// The 1-based line for line-oriented input; 0 otherwise.
    var line: Int
    var byteOffset: Int
    /// The record's byte range in the decompressed file.
    var range: Range<Int>
    var digest: RecordDigest
}
