/// One event as the index keeps it: a time and interned string ids (about 48 bytes).
struct CompactEvent: Sendable {
    var time: Int64
    var eventID: UInt32
    var provider: UInt32
    var action: UInt32
    var outcome: UInt32
    var actor: UInt32
    var accessKey: UInt32
    var session: UInt32
    var account: UInt32
    var region: UInt32
    var source: UInt32
    var target: UInt32
    /// Index into the trust-anchor table, or -1: only CreateTrustAnchor events carry one, so a
    /// side table is cheaper than four more ids on every row.
    var anchor: Int32
}

/// A CreateTrustAnchor's details as interned ids.
struct CompactAnchor: Sendable {
    var arn: UInt32
    var name: UInt32
    var sourceType: UInt32
    var certificateAuthority: UInt32
}
