/// One rule's query match, before new terms and max_signals decide on alerts.
///
/// It is two indexes: into the scan's ``MatchTable/records`` (rules matching one record share
/// its entry) and into its hashed new-terms combinations, so a match costs a few words however
/// large its record.
struct RuleMatch: Sendable {
    var record: Int
    /// The value combinations of the new-terms fields, as positions in
    /// ``MatchTable/combinationKeys``; empty for query rules.
    var combinations: Range<Int>
    /// A threshold rule's cardinality-field values, as positions in ``MatchTable/valueKeys``;
    /// empty for other rules.
    var values: Range<Int> = 0..<0
    /// An EQL sequence rule's stages the event satisfies, one bit per stage.
    var stages: UInt32 = 0
    /// An ES|QL rule's prepared row, as a position in ``MatchTable/preparedRows``; -1 otherwise.
    var row: Int32 = -1
}
