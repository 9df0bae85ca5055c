import RelatedActivity

extension AlertRecord {
    /// At most this many related events go into an alert's case file: the stored form and every
    /// export. A busy instance role can make thousands of calls in a day; the case file needs the
    /// follow-ups and the events around the alert, and the console works from the full in-memory
    /// index anyway.
    public static let caseFileRelatedLimit = 200

    /// The related events a case file keeps: every follow-up and the alert's own event, then the
    /// events nearest in time to the alert, in time order. The same for a record fresh from a
    /// scan and for the one the store gives back, so the console and `trailtriage export` write
    /// the same notes.
    public var caseFileRelatedActivity: [RelatedEvent] {
        guard relatedActivity.count > Self.caseFileRelatedLimit else { return relatedActivity }
        var keep = Set(
            relatedActivity.indices.filter { relatedActivity[$0].isFollowUp || relatedActivity[$0].isAlertEvent }
                .prefix(Self.caseFileRelatedLimit))
        let nearest = relatedActivity.indices.sorted {
            relatedActivity[$0].event.time.distance(magnitudeTo: originalTime)
                < relatedActivity[$1].event.time.distance(magnitudeTo: originalTime)
        }
        for index in nearest where keep.count < Self.caseFileRelatedLimit {
            keep.insert(index)
        }
        return keep.sorted().map { relatedActivity[$0] }
    }
}
