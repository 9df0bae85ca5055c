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

    private enum Key: CaseIterable {
        case errorCode, errorMessage, sourceIPAddress, userAgent, userIdentity, requestParameters
        case recipientAccountId, resources
        case records, detail, detailType

        var spelling: String {
            switch self {
            case .records: "Records"
            case .detail: "detail"
            case .detailType: "detail-type"
            default: String(describing: self)
            }
        }

        static let spellings: [(Key, [UInt8])] = allCases.map { ($0, Array($0.spelling.utf8)) }

        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            for (key, spelling) in Self.spellings where ByteSearch.equal(bytes, spelling) {
                self = key
                return
            }
            return nil
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
