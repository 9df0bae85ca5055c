/// Compact summaries of every event of a scan, indexed by actor keys, for related-activity views.
///
/// Rows are kept in time order with interned strings; three posting lists (by ARN, access key
/// and session) point into them, each also in time order, so a window query is two binary
/// searches per key.
public struct EventIndex: Sendable {
    let table: StringTable
    let eventIDs: EventIDStore
    /// Sorted by time, then event id.
    let rows: [CompactEvent]
    let anchors: [CompactAnchor]
    let byActor: [UInt32: [Int32]]
    let byAccessKey: [UInt32: [Int32]]
    let bySession: [UInt32: [Int32]]
    /// Rows of CreateTrustAnchor events, in time order.
    let anchorRows: [Int32]

    /// ±24 hours, the default related-activity window.
    public static let defaultWindowMilliseconds: Int64 = 24 * 3600 * 1000

    /// An empty index.
    public init() {
        self.init(table: StringTable(), eventIDs: EventIDStore(), rows: [], anchors: [])
    }

    init(table: StringTable, eventIDs: EventIDStore, rows unsorted: [CompactEvent], anchors: [CompactAnchor]) {
        var sorted = unsorted
        sorted.sort { lhs, rhs in
            if lhs.time != rhs.time { return lhs.time < rhs.time }
            if lhs.eventID != rhs.eventID { return eventIDs.isOrdered(lhs.eventID, before: rhs.eventID) }
            return false
        }
        // A record delivered twice is one event (as in the scan); records without an id stay.
        let first = eventIDs.firstOccurrences(sorted.map(\.eventID))
        var kept: [CompactEvent] = []
        kept.reserveCapacity(sorted.count)
        for (position, row) in sorted.enumerated() where first[position] {
            kept.append(row)
        }
        var byActor: [UInt32: [Int32]] = [:]
        var byAccessKey: [UInt32: [Int32]] = [:]
        var bySession: [UInt32: [Int32]] = [:]
        var anchorRows: [Int32] = []
        for (offset, row) in kept.enumerated() {
            let position = Int32(offset)
            if row.actor != 0 { byActor[row.actor, default: []].append(position) }
            if row.accessKey != 0 { byAccessKey[row.accessKey, default: []].append(position) }
            if row.session != 0 { bySession[row.session, default: []].append(position) }
            if row.anchor >= 0 { anchorRows.append(position) }
        }
        self.table = table
        self.eventIDs = eventIDs
        self.rows = kept
        self.anchors = anchors
        self.byActor = byActor
        self.byAccessKey = byAccessKey
        self.bySession = bySession
        self.anchorRows = anchorRows
    }

    /// Distinct events held.
    public var count: Int { rows.count }

    /// Distinct strings held (a measure of memory use).
    public var distinctStrings: Int { table.strings.count }

    func summary(at position: Int32) -> EventSummary {
        EventIndexBuilder.summary(of: rows[Int(position)], table: table, eventIDs: eventIDs, anchors: anchors)
    }
}
