import TrailTriageJSON

/// Where the top-level members that cheap fields read sit in one record, found in one walk over
/// its top level (nested values are skipped, not parsed).
///
/// Ranges cover whole values (quotes included) and are relative to the record's first byte.
struct TopLevelMembers {
    var errorCode: Range<Int>?
    var errorMessage: Range<Int>?
    var sourceIPAddress: Range<Int>?
    var userAgent: Range<Int>?
    var userIdentity: Range<Int>?
    var requestParameters: Range<Int>?
    var recipientAccountId: Range<Int>?
    var resources: Range<Int>?
    /// `false` when a key is escaped or repeated, or the record looks like an envelope
    /// (`Records`, `detail`, `detail-type`): then only the full parser can say what maps where.
    private(set) var isUsable = true

    /// The members cheap fields read, and the keys that mark an envelope.
    enum Key {
        case errorCode, errorMessage, sourceIPAddress, userAgent, userIdentity, requestParameters
        case recipientAccountId, resources
        case records, detail, detailType

        /// The key `bytes` spell, if any: a switch on the length, then `memcmp` against static
        /// spellings (this runs for every top-level key of the records a rule reads them on).
        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            func spells(_ spelling: StaticString) -> Bool { ByteSearch.equal(bytes, spelling) }
            switch bytes.count {
            case 6 where spells("detail"): self = .detail
            case 7 where spells("Records"): self = .records
            case 9 where spells("errorCode"): self = .errorCode
            case 9 where spells("userAgent"): self = .userAgent
            case 9 where spells("resources"): self = .resources
            case 11 where spells("detail-type"): self = .detailType
            case 12 where spells("errorMessage"): self = .errorMessage
            case 12 where spells("userIdentity"): self = .userIdentity
            case 15 where spells("sourceIPAddress"): self = .sourceIPAddress
            case 17 where spells("requestParameters"): self = .requestParameters
            case 18 where spells("recipientAccountId"): self = .recipientAccountId
            default: return nil
            }
        }
    }

    /// The range of one member's value (relative to the record), `nil` when absent; always
    /// `nil` for the envelope keys, which make the walk unusable instead.
    subscript(key: Key) -> Range<Int>? {
        switch key {
        case .errorCode: errorCode
        case .errorMessage: errorMessage
        case .sourceIPAddress: sourceIPAddress
        case .userAgent: userAgent
        case .userIdentity: userIdentity
        case .requestParameters: requestParameters
        case .recipientAccountId: recipientAccountId
        case .resources: resources
        case .records, .detail, .detailType: nil
        }
    }

    private init() {}

    init(_ record: UnsafeBufferPointer<UInt8>) {
        var start = 0
        while start < record.count && JSONScanner.isWhitespace(record[start]) { start += 1 }
        var scanner = JSONScanner(bytes: record, position: start)
        var found = TopLevelMembers()
        do throws(JSONParseError) {
            try scanner.skipObject { keyBytes, value in
                guard found.isUsable else { return }
                guard let key = Key(keyBytes) else {
                    if keyBytes.contains(UInt8(ascii: "\\")) { found.isUsable = false }
                    return
                }
                found.set(key, value)
            }
        } catch {
            found.isUsable = false
        }
        self = found
    }

    private mutating func set(_ key: Key, _ value: Range<Int>) {
        func store(_ slot: inout Range<Int>?) {
            if slot != nil { isUsable = false } else { slot = value }
        }
        switch key {
        case .errorCode: store(&errorCode)
        case .errorMessage: store(&errorMessage)
        case .sourceIPAddress: store(&sourceIPAddress)
        case .userAgent: store(&userAgent)
        case .userIdentity: store(&userIdentity)
        case .requestParameters: store(&requestParameters)
        case .recipientAccountId: store(&recipientAccountId)
        case .resources: store(&resources)
        case .records, .detail, .detailType: isUsable = false
        }
    }
}
