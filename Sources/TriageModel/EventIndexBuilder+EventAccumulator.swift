import DetectionEngine

/// A scan fills one builder per worker with the digest of every event it reads.
extension EventIndexBuilder: EventAccumulator {
    public mutating func add(_ digest: EventDigest) {
        add(RecordSummary(digest: digest))
    }

    /// Interns the fields straight from the record's bytes: most values were seen before, so
    /// no `String` is made for them.
    public mutating func add(raw digest: RawEventDigest) {
        rows.append(CompactEvent(
            time: digest.time, eventID: table.intern(bytes: digest.eventID),
            provider: table.intern(bytes: digest.provider), action: table.intern(bytes: digest.action),
            outcome: table.intern(digest.failed ? "failure" : "success"), actor: table.intern(bytes: digest.actorARN),
            accessKey: table.intern(bytes: digest.accessKeyID), session: table.intern(bytes: digest.sessionID),
            account: table.intern(bytes: digest.account), region: table.intern(bytes: digest.region),
            source: table.intern(bytes: digest.source), anchor: -1
        ))
    }

    public mutating func merge(_ other: EventIndexBuilder) {
        append(contentsOf: other)
    }
}

extension RecordSummary {
    /// The summary of an event digest; a CreateTrustAnchor digest carries its document, from
    /// which the anchor's details are read.
    public init(digest: EventDigest) {
        var anchor: TrustAnchorDetails?
        if digest.action == "CreateTrustAnchor", let document = digest.document {
            anchor = TrustAnchorDetails(document: document)
        }
        self.init(
            time: digest.time, eventID: digest.eventID, provider: digest.provider, action: digest.action,
            outcome: digest.outcome, actorARN: digest.actorARN, accessKeyID: digest.accessKeyID,
            sessionID: digest.sessionID, account: digest.account, region: digest.region, source: digest.source,
            trustAnchor: anchor
        )
    }
}
