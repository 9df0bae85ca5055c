import DetectionRules

/// What of the list's presentation is kept with a case: the filters, the sort order and the
/// time display. Stored as the `:` commands that recreate it, one a line, so a stored view is
/// readable in the database and always goes through the same parser as typed commands.
struct ConsoleView: Sendable, Hashable {
    var filter: AlertFilter
    var sortOrder: SortOrder
    var timeDisplay: TimeDisplay

    /// The commands that rebuild this view from the defaults. The `/` text and the
    /// building-block toggle are kept too, under words of their own (`text`, `blocks`).
    var commandLines: [String] {
        var lines: [String] = []
        if let actor = filter.actor { lines.append("actor " + actor) }
        if let account = filter.account { lines.append("account " + account) }
        if let region = filter.region { lines.append("region " + region) }
        if let rule = filter.ruleName { lines.append("rule " + rule) }
        if filter.minimumSeverity != .low { lines.append("severity " + filter.minimumSeverity.label) }
        if filter.statuses != nil { lines.append("status " + filter.statusLabel.replacingPlus) }
        if let since = filter.since { lines.append("since " + TimeText.iso(since)) }
        if let until = filter.until { lines.append("until " + TimeText.iso(until)) }
        if let text = filter.text, !text.isEmpty { lines.append(Self.textWord + " " + text) }
        if filter.showsBuildingBlocks { lines.append(Self.blocksWord) }
        if sortOrder != .timeAscending { lines.append("sort " + Self.sortWord(sortOrder)) }
        if timeDisplay != .utc { lines.append("times " + timeDisplay.rawValue) }
        return lines
    }

    /// A fresh console's view: nothing filtered, oldest first, UTC.
    static let initial = ConsoleView(filter: AlertFilter(), sortOrder: .timeAscending, timeDisplay: .utc)

    static let textWord = "text"
    static let blocksWord = "blocks"

    static func sortWord(_ order: SortOrder) -> String {
        switch order {
        case .timeAscending: "time"
        case .timeDescending: "-time"
        case .severity: "severity"
        case .rule: "rule"
        case .status: "status"
        }
    }
}

extension String {
    /// `open+acknowledged` as the status command writes it, `open,acknowledged`.
    fileprivate var replacingPlus: String { String(map { $0 == "+" ? "," : $0 }) }
}
