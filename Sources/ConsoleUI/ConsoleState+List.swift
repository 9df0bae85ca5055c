import DetectionRules
import TriageModel

extension ConsoleState {
    /// Rebuilds ``visible`` from the filter and sort order, selecting `position` (an index into
    /// ``alerts``) when it is still listed, else keeping the selection's place.
    mutating func refreshList(keeping position: Int?) {
        let sorted = sortedPositions()
        // The filter is tested in load order, which reads the rows sequentially (in sorted order
        // the reads jump about memory and a search over 100,000 rows takes half as long again);
        // the sorted order then only looks up a flag per alert, and needs no sort.
        var admitted = [Bool](repeating: false, count: alerts.count)
        var count = 0
        let statuses = filter.statuses
        let ruleName = filter.ruleName
        let minimum = filter.minimumSeverity
        let hidesBuildingBlocks = !filter.showsBuildingBlocks
        let narrowing = FieldNeedles(filter)
        for index in alerts.indices {
            if hidesBuildingBlocks, rows[index].isBuildingBlock { continue }
            if let statuses, !statuses.contains(states[index].status) { continue }
            if let ruleName, rows[index].ruleName != ruleName { continue }
            if rows[index].severity.rank < minimum.rank { continue }
            if !narrowing.isEmpty, !narrowing.admits(rows[index]) { continue }
            admitted[index] = true
            count += 1
        }
        var kept: [Int] = []
        kept.reserveCapacity(count)
        for index in sorted where admitted[index] { kept.append(index) }
        let before = selectedPosition
        visible = kept
        listContent = widestContent(of: kept)
        if let position, let found = visible.firstIndex(of: position) {
            selection = found
        } else {
            selection = min(selection, max(0, visible.count - 1))
        }
        // The detail pane keeps its place while the same alert stays selected (e.g. after a tick).
        if selectedPosition != before { resetDetailPosition() }
        scrollListToSelection()
    }

    /// Every alert's position in the sort order, sorted again only when the order, the rows or
    /// (sorting by status) the states changed since the last sort.
    private mutating func sortedPositions() -> [Int] {
        if let cached = sortedAlerts, cached.positions.count == alerts.count,
            cached.isCurrent(order: sortOrder, rowsGeneration: rowsGeneration, statesGeneration: statesGeneration)
        {
            return cached.positions
        }
        var positions = Array(alerts.indices)
        sort(&positions)
        sortedAlerts = SortedAlerts(
            order: sortOrder, rowsGeneration: rowsGeneration, statesGeneration: statesGeneration, positions: positions)
        return positions
    }

    /// Sorts `positions` by the sort order. Each order ends in time then load position, so
    /// equal keys never shuffle. The keys are read once, in load order, into a compact array
    /// that is sorted instead of the positions: comparing through the rows would jump about
    /// memory on every comparison, which is most of the cost at 100,000 alerts.
    private func sort(_ positions: inout [Int]) {
        let primary: (Int) -> Int
        switch sortOrder {
        case .timeAscending, .timeDescending:
            primary = { _ in 0 }
        case .severity:
            primary = { -self.rows[$0].severity.rank }
        case .rule:
            var rank: [String: Int] = [:]
            for (index, name) in ruleNames.enumerated() { rank[name] = index }
            primary = { rank[self.rows[$0].ruleName] ?? Int.max }
        case .status:
            let ranks = Dictionary(uniqueKeysWithValues: WorkflowStatus.allCases.enumerated().map { ($1, $0) })
            primary = { ranks[self.states[$0].status] ?? 0 }
        }
        var keys = positions.map { SortKey(primary: primary($0), time: rows[$0].time, position: $0) }
        keys.sort()
        if sortOrder == .timeDescending { keys.reverse() }
        positions = keys.map(\.position)
    }

    /// Rows of alerts the list pane shows at the current size.
    var listHeight: Int { layout.listBody.height }

    /// Moves the selection to `index` (clamped to the list) and keeps it on screen.
    mutating func select(_ index: Int) {
        let clamped = max(0, min(index, visible.count - 1))
        if clamped != selection { resetDetailPosition() }
        selection = clamped
        scrollListToSelection()
    }

    /// A newly selected alert's detail opens at the top with the cursor on its first field.
    mutating func resetDetailPosition() {
        detailScroll = 0
        detailCursor = 0
    }

    mutating func scrollListToSelection() {
        listScroll = Self.scrollTop(current: listScroll, selection: selection, count: visible.count, height: listHeight)
    }

    /// The first row to show so that `selection` is visible and no space is wasted at the end.
    static func scrollTop(current: Int, selection: Int, count: Int, height: Int) -> Int {
        guard height > 0 else { return 0 }
        var top = current
        if selection < top { top = selection }
        if selection >= top + height { top = selection - height + 1 }
        return max(0, min(top, count - height))
    }

    /// The next listed alert matching `query` from the selection, wrapping around; `nil` when
    /// none matches. `includingCurrent` lets an incremental search stay on a row that still matches.
    func match(_ query: String, forward: Bool, includingCurrent: Bool) -> (index: Int, wrapped: Bool)? {
        let needle = Array(query.lowercased().utf8)
        let count = visible.count
        guard count > 0, !needle.isEmpty else { return nil }
        let start = includingCurrent ? 0 : 1
        for step in start...count {
            let raw = forward ? selection + step : selection - step
            let index = ((raw % count) + count) % count
            if rows[visible[index]].matches(needle) {
                return (index, forward ? raw >= count : raw < 0)
            }
        }
        return nil
    }

    /// `n` / `N`: jumps to the next or previous match of the last search.
    mutating func jumpToMatch(forward: Bool) {
        guard !searchQuery.isEmpty else {
            message = StatusMessage("No search yet: press / to search", kind: .warning)
            return
        }
        guard let found = match(searchQuery, forward: forward, includingCurrent: false) else {
            message = StatusMessage("No match for \"\(searchQuery)\"", kind: .warning)
            return
        }
        select(found.index)
        message =
            found.wrapped
            ? StatusMessage(forward ? "Search wrapped to the top" : "Search wrapped to the bottom", kind: .warning)
            : nil
    }

    mutating func cycleStatusFilter() {
        let cycle = AlertFilter.statusCycle
        let current = cycle.firstIndex { $0 == filter.statuses } ?? 0
        filter.statuses = cycle[(current + 1) % cycle.count]
        refreshList(keeping: selectedPosition)
        message = StatusMessage("Status filter: " + filter.statusLabel)
    }

    mutating func cycleSeverityFilter() {
        let all = Severity.listed
        filter.minimumSeverity = all[(filter.minimumSeverity.rank + 1) % all.count]
        refreshList(keeping: selectedPosition)
        message = StatusMessage("Severity filter: at least " + filter.minimumSeverity.label)
    }

    mutating func cycleSort() {
        sortOrder = sortOrder.next
        refreshList(keeping: selectedPosition)
        message = StatusMessage("Sorted by " + sortOrder.label)
    }

    mutating func toggleBuildingBlocks() {
        filter.showsBuildingBlocks.toggle()
        refreshList(keeping: selectedPosition)
        let count = buildingBlockCount
        let what = "\(count) building-block alert\(count == 1 ? "" : "s")"
        message = StatusMessage(filter.showsBuildingBlocks ? "Showing " + what : "Hiding " + what)
    }

    mutating func clearFilters() {
        filter = AlertFilter()
        refreshList(keeping: selectedPosition)
    }

    mutating func toggleMark() {
        guard let position = selectedPosition else { return }
        if marks.remove(position) == nil { marks.insert(position) }
        select(selection + 1)
    }

    mutating func clearMarks() {
        marks = []
    }

    /// The widest value of each sized column over `positions`: one pass over integers measured
    /// when the alerts loaded (100,000 rows on every keystroke of a `/` filter).
    private func widestContent(of positions: [Int]) -> ContentWidths {
        var rule = 0
        var actor = 0
        var action = 0
        var accountRegion = 0
        var status = 0
        for position in positions {
            let widths = rows[position].widths
            rule = max(rule, widths.rule)
            actor = max(actor, widths.actor)
            action = max(action, widths.action)
            accountRegion = max(accountRegion, widths.accountRegion)
            status = max(status, StatusText.shortWidth(states[position]))
        }
        return ContentWidths(rule: rule, actor: actor, action: action, accountRegion: accountRegion, status: status)
    }
}
