import DetectionEngine

/// A scan fills one builder per worker with the digest of every event it reads.
extension EventIndexBuilder: EventAccumulator {
    public mutating func add(_ digest: EventDigest) {
        add(RecordSummary(digest: digest))
    }

    public mutating func merge(_ other: EventIndexBuilder) {
        append(contentsOf: other)
    }
}

extension RecordSummary {
    /// The summary of an event digest; digests that carry their document (the actions whose
    /// details views show, such as CreateTrustAnchor) are summarised from it.
    public init(digest: EventDigest) {
        if let document = digest.document {
            self.init(document: document)
            return
        }
        self.init(
            time: digest.time, eventID: digest.eventID, provider: digest.provider, action: digest.action,
            outcome: digest.outcome, actorARN: digest.actorARN, accessKeyID: digest.accessKeyID,
            sessionID: digest.sessionID, account: digest.account, region: digest.region, source: digest.source
        )
    }
}
