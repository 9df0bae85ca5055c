/// The text and time conditions of an ``AlertFilter``, prepared once per list rebuild: needles
/// lower-cased to UTF-8 bytes, so checking 100,000 rows allocates nothing per row.
struct FieldNeedles {
    var actor: [UInt8]?
    var account: [UInt8]?
    var region: [UInt8]?
    var text: [UInt8]?
    var since: Int64?
    var until: Int64?

    init(_ filter: AlertFilter) {
        actor = filter.actor.map(Self.folded)
        account = filter.account.map(Self.folded)
        region = filter.region.map(Self.folded)
        text = filter.text.flatMap { $0.isEmpty ? nil : Self.folded($0) }
        since = filter.since
        until = filter.until
    }

    var isEmpty: Bool {
        actor == nil && account == nil && region == nil && text == nil && since == nil && until == nil
    }

    func admits(_ row: AlertRow) -> Bool {
        if let since, row.time < since { return false }
        if let until, row.time >= until { return false }
        if let actor, !Self.contains(row.actor, actor) { return false }
        if let account, !Self.contains(row.account, account) { return false }
        if let region, !Self.contains(row.region, region) { return false }
        if let text, !row.matches(text) { return false }
        return true
    }

    /// Lower-cased UTF-8, as ``AlertRow/searchText`` is stored.
    static func folded(_ text: String) -> [UInt8] {
        Array(text.lowercased().utf8)
    }

    /// Whether `haystack` contains `needle` (already folded), ignoring ASCII case. Non-ASCII
    /// bytes compare exactly, which is what ARNs, account ids and regions hold.
    static func contains(_ haystack: String, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        var bytes = Array(haystack.utf8)
        guard bytes.count >= needle.count else { return false }
        for index in bytes.indices where bytes[index] >= 0x41 && bytes[index] <= 0x5A { bytes[index] |= 0x20 }
        let last = bytes.count - needle.count
        var start = 0
        while start <= last {
            if bytes[start] == needle[0] {
                var offset = 1
                while offset < needle.count, bytes[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }
}
