import RelatedActivity
import TerminalGrid

/// Column widths of the related-activity view, sized from the listed events as the alert list's
/// are (``ListColumns``): action, relation, target and source each get their widest value when all fit;
/// when they do not, they share the room by weighted water-filling, so short columns stay whole
/// and no value is cut while blank cells remain.
struct RelatedColumns: Sendable, Hashable {
    /// 19 cells (with the year) from 100 columns, else 14 (month and day), as in the list.
    var time: Int
    var action: Int
    var relation: Int
    var target: Int
    var source: Int

    /// As wide as the widest offset and outcome listed (short words, never cut), at least
    /// their titles: fixed widths left blank cells there while other columns were cut.
    var offset: Int
    var outcome: Int
    /// The fewest cells a cut column keeps.
    static let minimumSized = 8
    /// Action, relation, target, source: the target (often an ARN) grows fastest.
    static let weights = [2, 1, 3, 2]

    init(width: Int, events: [RelatedEvent], alertTime: Int64) {
        time = width >= 100 ? 19 : 14
        var offset = TextLayout.width(of: "OFFSET")
        var outcome = TextLayout.width(of: "OUTCOME")
        var wanted = ["ACTION", "RELATION", "TARGET", "SOURCE"].map(TextLayout.width(of:))
        for related in events {
            let event = related.event
            wanted[0] = max(wanted[0], TextLayout.width(of: event.action))
            wanted[1] = max(wanted[1], related.relation.label.count)
            wanted[2] = max(wanted[2], TextLayout.width(of: event.target))
            wanted[3] = max(wanted[3], TextLayout.width(of: event.source))
            offset = max(offset, TextLayout.width(of: TimeText.offset(event.time, from: alertTime)))
            outcome = max(outcome, TextLayout.width(of: event.outcome))
        }
        self.offset = offset
        self.outcome = outcome
        // Marks, then a space after every column but the last.
        let fixed = 2 + (time + 1) + (offset + 1) + (outcome + 1) + 3
        let sized = ColumnShare.share(
            max(0, width - fixed), among: wanted, weights: Self.weights, spareOrder: [2, 0, 1, 3],
            minimum: Self.minimumSized)
        action = sized[0]
        relation = sized[1]
        target = sized[2]
        source = sized[3]
    }

    var showsFullTime: Bool { time >= 19 }

    var header: String {
        "  " + TextLayout.fit("TIME (UTC)", time) + " " + TextLayout.fit("OFFSET", offset) + " "
            + TextLayout.fit("ACTION", action) + " " + TextLayout.fit("OUTCOME", outcome) + " "
            + TextLayout.fit("RELATION", relation) + " " + TextLayout.fit("TARGET", target) + " "
            + TextLayout.fit("SOURCE", source)
    }
}
