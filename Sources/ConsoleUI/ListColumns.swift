/// Column widths of the alert list at a given width: narrow terminals drop the account/region
/// column and shorten the time, wide ones give the rest to rule and actor.
struct ListColumns: Sendable, Hashable {
    var time: Int
    var severity = 8
    var rule: Int
    var actor: Int
    var action: Int
    /// 0 when the column is hidden.
    var accountRegion: Int
    var status = 12

    init(width: Int) {
        if width >= 150 {
            time = 19
            action = 20
            accountRegion = 23
        } else if width >= 100 {
            time = 19
            action = 16
            accountRegion = 0
        } else {
            time = 14
            action = 14
            accountRegion = 0
        }
        // Two mark cells, then one space after every column but the last.
        let columnCount = accountRegion > 0 ? 7 : 6
        let fixed = 2 + time + severity + action + accountRegion + status + (columnCount - 1)
        let flexible = max(8, width - fixed)
        rule = flexible * 2 / 5
        actor = flexible - rule
    }

    /// Whether `time` shows the year (wide) or only month and day (narrow).
    var showsFullTime: Bool { time >= 19 }
}
