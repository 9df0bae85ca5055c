extension EventIndex {
    /// The actor's events within `window` milliseconds either side of `anchor.time` (edges
    /// included): same ARN, same access key or same session. In time order; the anchor event is
    /// included and flagged so a timeline can show where the alert sits.
    public func related(
        to anchor: EventSummary, windowMilliseconds window: Int64 = EventIndex.defaultWindowMilliseconds
    ) -> [RelatedEvent] {
        // Saturating: the anchor's time may come from a stored record rather than a parse.
        let lower = anchor.time.saturatingSubtracting(window)
        let upper = anchor.time.saturatingAdding(window)
        var found: [Int32: RelatedEvent.Relation] = [:]
        let keys: [(String, [UInt32: [Int32]], RelatedEvent.Relation)] = [
            (anchor.actorARN, byActor, .sameARN),
            (anchor.accessKeyID, byAccessKey, .sameAccessKey),
            (anchor.sessionID, bySession, .sameSession),
        ]
        for (text, postings, relation) in keys where !text.isEmpty {
            guard let id = table.id(of: text), let list = postings[id] else { continue }
            var index = firstPosting(in: list, atOrAfter: lower)
            while index < list.count, rows[Int(list[index])].time <= upper {
                found[list[index], default: []].insert(relation)
                index += 1
            }
        }
        return found.keys.sorted().map { position in
            let event = summary(at: position)
            return RelatedEvent(
                event: event, relation: found[position] ?? [],
                isFollowUp: FollowUpActions.contains(event.action),
                isAlertEvent: !anchor.eventID.isEmpty
                    ? event.eventID == anchor.eventID
                    : event.time == anchor.time && event.action == anchor.action
            )
        }
    }

    /// The earliest event in the loaded data in which `actorARN` performed `action`, if any.
    public func firstSeen(actorARN: String, action: String) -> EventSummary? {
        guard let actor = table.id(of: actorARN), actor != 0, let actionID = table.id(of: action),
            let list = byActor[actor]
        else { return nil }
        // Postings are in time order, so the first hit is the earliest.
        for position in list where rows[Int(position)].action == actionID {
            return summary(at: position)
        }
        return nil
    }

    /// CreateTrustAnchor calls by the same actor, then by others in the same account, each in
    /// time order. CreateProfile does not name its trust anchor, so these are the candidates.
    public func trustAnchors(actorARN: String, account: String) -> [RelatedTrustAnchor] {
        let actor = actorARN.isEmpty ? nil : table.id(of: actorARN)
        let accountID = account.isEmpty ? nil : table.id(of: account)
        var sameActor: [RelatedTrustAnchor] = []
        var sameAccount: [RelatedTrustAnchor] = []
        for position in anchorRows {
            let row = rows[Int(position)]
            if let actor, row.actor == actor {
                sameActor.append(RelatedTrustAnchor(event: summary(at: position), relation: .sameActor))
            } else if let accountID, row.account == accountID {
                sameAccount.append(RelatedTrustAnchor(event: summary(at: position), relation: .sameAccount))
            }
        }
        return sameActor + sameAccount
    }

    /// Index of the first posting whose event time is `>= time`.
    private func firstPosting(in list: [Int32], atOrAfter time: Int64) -> Int {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if rows[Int(list[middle])].time < time { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
