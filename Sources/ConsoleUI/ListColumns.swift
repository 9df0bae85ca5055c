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
    /// 0 when no listed alert has an account or region.
    var accountRegion: Int
    var status = 12

    /// The fewest cells a cut column keeps (a header word and a few characters).
    static let minimumSized = 10

    init(width: Int, content: ContentWidths) {
        // Month-day times below 100 columns; the year is in the header's date range anyway.
        time = width >= 100 ? 19 : 14
        let titles = ContentWidths(rule: 4, actor: 5, action: 6, accountRegion: content.accountRegion > 0 ? 14 : 0)
        let natural = content.union(titles)
        let wanted = [natural.rule, natural.actor, natural.action, natural.accountRegion]
        let columnCount = wanted.filter { $0 > 0 }.count + 3
        // Two mark cells, then one space after every column but the last.
        let fixed = 2 + time + severity + status + (columnCount - 1)
        let sized = Self.share(max(0, width - fixed), among: wanted)
        rule = sized[0]
        actor = sized[1]
        action = sized[2]
        accountRegion = sized[3]
    }

    /// Cuts `wanted` widths to fit `room`: every column wider than a common cap is cut to it,
    /// the cap chosen as high as fits; no column goes below ``minimumSized`` (or its own width).
    static func share(_ room: Int, among wanted: [Int]) -> [Int] {
        guard wanted.reduce(0, +) > room else { return wanted }
        let floors = wanted.map { min($0, minimumSized) }
        guard floors.reduce(0, +) < room else { return floors }
        var low = 0
        var high = wanted.max() ?? 0
        // The highest cap whose total fits.
        while low < high {
            let cap = (low + high + 1) / 2
            let total = zip(wanted, floors).reduce(0) { $0 + max($1.1, min($1.0, cap)) }
            if total <= room { low = cap } else { high = cap - 1 }
        }
        var widths = zip(wanted, floors).map { max($0.1, min($0.0, low)) }
        // Hand the cells the cap could not split evenly to the columns still cut, left first.
        var spare = room - widths.reduce(0, +)
        for index in widths.indices where spare > 0 && widths[index] < wanted[index] {
            widths[index] += 1
            spare -= 1
        }
        return widths
    }

    /// Cells of one full row (which may exceed the pane; see ``ConsoleState/listOffset``).
    var lineWidth: Int {
        let sized = [rule, actor, action, accountRegion].filter { $0 > 0 }
        return 2 + time + 1 + severity + 1 + sized.reduce(0) { $0 + $1 + 1 } + status
    }

    /// Whether `time` shows the year (wide) or only month and day (narrow).
    var showsFullTime: Bool { time >= 19 }
}
