/// Column widths of the alert list, sized from what the listed alerts hold.
///
/// Each sized column (rule, actor, action, account/region) gets the width of its widest value
/// when all fit. When they do not, the widest are cut back together to one cap (water-filling),
/// so short columns stay whole and the line then fills the pane exactly: no value is cut while
/// blank cells remain. Below each column's minimum the line is wider than the pane, and `←`/`→`
/// scroll it sideways.
struct ListColumns: Sendable, Hashable {
    var time: Int
    var severity = 8
    var rule: Int
    var actor: Int
    var action: Int
    /// 0 when no listed alert has an account or region, or when the fitted list has no room.
    var accountRegion: Int
    /// As wide as the widest status listed, at least the title's six cells.
    var status: Int

    /// The fewest cells a cut column keeps (a header word and a few characters).
    static let minimumSized = 10

    /// With `unclipped` (the list scrolled sideways) every sized column takes its widest value
    /// and the row may be wider than `width`.
    init(width: Int, content: ContentWidths, unclipped: Bool = false) {
        // Month-day times below 100 columns; the year is in the header's date range anyway.
        time = width >= 100 ? 19 : 14
        status = max(6, content.status)
        let titles = ContentWidths(rule: 4, actor: 5, action: 6, accountRegion: content.accountRegion > 0 ? 14 : 0)
        let natural = content.union(titles)
        var wanted = [natural.rule, natural.actor, natural.action, natural.accountRegion]
        let fixed = 2 + time + severity + status
        func room(_ widths: [Int]) -> Int {
            // Two mark cells, then one space after every column but the last.
            width - (fixed + widths.filter { $0 > 0 }.count + 2)
        }
        // Account and region are in the detail pane: the fitted list drops them rather than
        // cut anything else for them (scrolled sideways, they are back).
        if !unclipped, wanted.reduce(0, +) > room(wanted) { wanted[3] = 0 }
        let sized = unclipped ? wanted : Self.share(max(0, room(wanted)), among: wanted)
        rule = sized[0]
        actor = sized[1]
        action = sized[2]
        accountRegion = sized[3]
    }

    /// How fast each sized column grows as room is shared (rule, actor, action, account/region):
    /// the actor, the ARN an analyst reads first, gets half as much again as the others.
    static let weights = [2, 3, 2, 2]

    /// Cuts `wanted` widths to fit `room` (see ``ColumnShare/share(_:among:weights:spareOrder:minimum:)``);
    /// cells left by rounding go to the actor first.
    static func share(_ room: Int, among wanted: [Int]) -> [Int] {
        ColumnShare.share(room, among: wanted, weights: weights, spareOrder: [1, 0, 2, 3], minimum: minimumSized)
    }

    /// Cells of one full row (which may exceed the pane; see ``ConsoleState/listOffset``).
    var lineWidth: Int {
        let sized = [rule, actor, action, accountRegion].filter { $0 > 0 }
        return 2 + time + 1 + severity + 1 + sized.reduce(0) { $0 + $1 + 1 } + status
    }

    /// Whether `time` shows the year (wide) or only month and day (narrow).
    var showsFullTime: Bool { time >= 19 }
}
