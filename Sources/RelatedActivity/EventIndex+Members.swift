extension EventIndex {
    /// The event whose `eventID` is `key`, looked up at its time `time` (epoch milliseconds).
    ///
    /// A group alert names its events by key and time; rows are in time order, so the lookup is
    /// a binary search to `time` and a walk over the few rows of that same millisecond, with no
    /// id table beside the index. `nil` when no loaded event has that id at that time, which
    /// includes events without an `eventID` (their key is a content hash the index never saw).
    public func event(withKey key: String, at time: Int64) -> EventSummary? {
        guard !key.isEmpty else { return nil }
        var position = firstRow(atOrAfter: time)
        while position < rows.count, rows[position].time == time {
            if eventIDs.id(rows[position].eventID, equals: key) { return summary(at: Int32(position)) }
            position += 1
        }
        return nil
    }

    /// The events a group alert stands for (a threshold group, an EQL sequence, the rows behind
    /// an aggregating ES|QL result), looked up by key and time, as related activity in time
    /// order. Every one is flagged as the alert's event and related as ``RelatedEvent/Relation/member``;
    /// members the index does not hold are left out.
    public func members(_ keys: [(key: String, time: Int64)]) -> [RelatedEvent] {
        var found: [EventSummary] = []
        var seen: Set<String> = []
        for member in keys where seen.insert(member.key).inserted {
            if let event = event(withKey: member.key, at: member.time) { found.append(event) }
        }
        // Members come in time order from the engine; sorting keeps that promise for stored ones.
        found.sort { $0.time != $1.time ? $0.time < $1.time : $0.eventID < $1.eventID }
        return found.map { event in
            RelatedEvent(
                event: event, relation: .member, isFollowUp: FollowUpActions.contains(event.action), isAlertEvent: true)
        }
    }

    /// Index of the first row whose time is `>= time`.
    private func firstRow(atOrAfter time: Int64) -> Int {
        var low = 0
        var high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if rows[middle].time < time { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
