import ECSMapping

/// Collects event summaries during a scan; ``build()`` turns them into a queryable ``EventIndex``.
///
/// Builders are plain values, so each scan worker can fill its own and the results can be
/// merged with ``append(contentsOf:)`` without locks.
public struct EventIndexBuilder: Sendable {
    var table = StringTable()
    var eventIDs = EventIDStore()
    var rows: [CompactEvent] = []
    var anchors: [CompactAnchor] = []
    /// The ids of the two outcomes, interned up front: every event has one.
    let successID: UInt32
    let failureID: UInt32

    public init() {
        successID = table.intern("success")
        failureID = table.intern("failure")
    }

    /// Events added so far (before duplicates are dropped).
    public var count: Int { rows.count }

    /// Adds one event.
    public mutating func add(_ summary: EventSummary) {
        var anchorIndex: Int32 = -1
        if let details = summary.anchorDetails {
            anchorIndex = Int32(anchors.count)
            anchors.append(
                CompactAnchor(
                    arn: table.intern(details.arn), name: table.intern(details.name),
                    sourceType: table.intern(details.sourceType),
                    certificateAuthority: table.intern(details.certificateAuthorityARN)
                ))
        }
        rows.append(
            CompactEvent(
                time: summary.time, eventID: eventIDs.add(summary.eventID),
                provider: table.intern(summary.provider), action: table.intern(summary.action),
                outcome: table.intern(summary.outcome), actor: table.intern(summary.actorARN),
                accessKey: table.intern(summary.accessKeyID), session: table.intern(summary.sessionID),
                account: table.intern(summary.account), region: table.intern(summary.region),
                source: table.intern(summary.source), target: table.intern(summary.target), anchor: anchorIndex
            ))
    }

    /// Adds the summary of a mapped event.
    public mutating func add(document: ECSDocument) {
        add(EventSummary(document: document))
    }

    /// Adds every event another builder collected (e.g. another worker's). Each of its distinct
    /// strings is interned once and its rows are renumbered, so merging costs little next to
    /// collecting.
    public mutating func append(contentsOf other: EventIndexBuilder) {
        let remap = other.table.strings.map { table.intern($0) }
        let idOffset = eventIDs.append(contentsOf: other.eventIDs)
        let anchorOffset = Int32(anchors.count)
        for anchor in other.anchors {
            anchors.append(
                CompactAnchor(
                    arn: remap[Int(anchor.arn)], name: remap[Int(anchor.name)],
                    sourceType: remap[Int(anchor.sourceType)],
                    certificateAuthority: remap[Int(anchor.certificateAuthority)]
                ))
        }
        rows.reserveCapacity(rows.count + other.rows.count)
        for row in other.rows {
            rows.append(
                CompactEvent(
                    time: row.time, eventID: row.eventID == 0 ? 0 : row.eventID + idOffset,
                    provider: remap[Int(row.provider)],
                    action: remap[Int(row.action)], outcome: remap[Int(row.outcome)], actor: remap[Int(row.actor)],
                    accessKey: remap[Int(row.accessKey)], session: remap[Int(row.session)],
                    account: remap[Int(row.account)],
                    region: remap[Int(row.region)], source: remap[Int(row.source)], target: remap[Int(row.target)],
                    anchor: row.anchor >= 0 ? row.anchor + anchorOffset : -1
                ))
        }
    }

    /// The finished index: events in time order, duplicates (same non-empty `eventID`) dropped,
    /// and per-actor postings built.
    public func build() -> EventIndex {
        EventIndex(table: table, eventIDs: eventIDs, rows: rows, anchors: anchors)
    }

    static func summary(
        of row: CompactEvent, table: StringTable, eventIDs: EventIDStore, anchors: [CompactAnchor]
    ) -> EventSummary {
        var details: TrustAnchorDetails?
        if row.anchor >= 0 {
            let anchor = anchors[Int(row.anchor)]
            details = TrustAnchorDetails(
                arn: table[anchor.arn], name: table[anchor.name], sourceType: table[anchor.sourceType],
                certificateAuthorityARN: table[anchor.certificateAuthority]
            )
        }
        return EventSummary(
            time: row.time, eventID: eventIDs[row.eventID], provider: table[row.provider],
            action: table[row.action], outcome: table[row.outcome], actorARN: table[row.actor],
            accessKeyID: table[row.accessKey], sessionID: table[row.session], account: table[row.account],
            region: table[row.region], source: table[row.source], target: table[row.target], trustAnchor: details
        )
    }
}
