/// A scan fills one builder per worker with the summary of every event it reads.
extension EventIndexBuilder: EventAccumulator {
    /// Related activity reads a CreateTrustAnchor's anchor details from its document; every
    /// other event is indexed from the summary's fields alone.
    public static let actionsNeedingDocuments: Set<String> = ["CreateTrustAnchor"]

    /// Interns the fields straight from the record's bytes: most values were seen before, so
    /// no `String` is made for them.
    public mutating func add(raw summary: RawEventSummary) {
        rows.append(
            CompactEvent(
                time: summary.time, eventID: eventIDs.add(bytes: summary.eventID),
                provider: table.intern(bytes: summary.provider), action: table.intern(bytes: summary.action),
                outcome: summary.failed ? failureID : successID,
                actor: table.intern(bytes: summary.actorARN),
                accessKey: table.intern(bytes: summary.accessKeyID), session: table.intern(bytes: summary.sessionID),
                account: table.intern(bytes: summary.account), region: table.intern(bytes: summary.region),
                source: table.intern(bytes: summary.source), target: table.intern(bytes: summary.target), anchor: -1
            ))
    }

    public mutating func merge(_ other: EventIndexBuilder) {
        append(contentsOf: other)
    }
}
