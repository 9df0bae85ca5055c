import TrailTriageJSON

/// Where the members of a record's `userIdentity` object sit, found while framing walks it.
///
/// Framing has to step through `userIdentity` anyway; noting its members on the way spares the
/// scan and the event summaries a second walk over the object for every record (the profile
/// showed that walk as a quarter of a console's loading work). Only facts are kept: the value
/// ranges (whole values, quotes included, in file coordinates), which keys were repeated, and
/// whether any key was escaped. Each reader applies its own rules to them, exactly as it did
/// when it walked the object itself.
public struct IdentityMemberRanges: Sendable, Hashable {
    /// The members noted, by name.
    public enum Key: Int, Sendable, CaseIterable {
        case type, arn, accessKeyId, principalId, accountId, invokedBy, userName, sessionContext, onBehalfOf

        /// The key `bytes` spell (raw, escapes undecoded), if any.
        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            func spells(_ spelling: StaticString) -> Bool { ByteSearch.equal(bytes, spelling) }
            switch bytes.count {
            case 3 where spells("arn"): self = .arn
            case 4 where spells("type"): self = .type
            case 8 where spells("userName"): self = .userName
            case 9 where spells("invokedBy"): self = .invokedBy
            case 9 where spells("accountId"): self = .accountId
            case 10 where spells("onBehalfOf"): self = .onBehalfOf
            case 11 where spells("accessKeyId"): self = .accessKeyId
            case 11 where spells("principalId"): self = .principalId
            case 14 where spells("sessionContext"): self = .sessionContext
            default: return nil
            }
        }
    }

    // Stored one by one, not in an array: one of these is made for every record framed.
    private var type: Range<Int>?
    private var arn: Range<Int>?
    private var accessKeyId: Range<Int>?
    private var principalId: Range<Int>?
    private var accountId: Range<Int>?
    private var invokedBy: Range<Int>?
    private var userName: Range<Int>?
    private var sessionContext: Range<Int>?
    private var onBehalfOf: Range<Int>?
    /// One bit per ``Key`` met more than once.
    private var repeatedKeys: UInt16 = 0
    /// Whether some key of the object has a backslash: it might spell any of the keys above.
    public private(set) var hasEscapedKey = false

    public init() {}

    /// The value of `key` (quotes included), `nil` when the object has no such member.
    public internal(set) subscript(key: Key) -> Range<Int>? {
        get {
            switch key {
            case .type: type
            case .arn: arn
            case .accessKeyId: accessKeyId
            case .principalId: principalId
            case .accountId: accountId
            case .invokedBy: invokedBy
            case .userName: userName
            case .sessionContext: sessionContext
            case .onBehalfOf: onBehalfOf
            }
        }
        set {
            switch key {
            case .type: type = newValue
            case .arn: arn = newValue
            case .accessKeyId: accessKeyId = newValue
            case .principalId: principalId = newValue
            case .accountId: accountId = newValue
            case .invokedBy: invokedBy = newValue
            case .userName: userName = newValue
            case .sessionContext: sessionContext = newValue
            case .onBehalfOf: onBehalfOf = newValue
            }
        }
    }

    /// Whether `key` occurs more than once (the first value is the one kept).
    public func isRepeated(_ key: Key) -> Bool { repeatedKeys & (1 << UInt16(key.rawValue)) != 0 }

    /// Notes one member of the object.
    mutating func note(key bytes: UnsafeBufferPointer<UInt8>, value: Range<Int>) {
        guard let key = Key(bytes) else {
            if bytes.contains(UInt8(ascii: "\\")) { hasEscapedKey = true }
            return
        }
        if self[key] != nil {
            repeatedKeys |= 1 << UInt16(key.rawValue)
        } else {
            self[key] = value
        }
    }

    /// Every range moved by `offset` bytes.
    func shifted(by offset: Int) -> IdentityMemberRanges {
        guard offset != 0 else { return self }
        var moved = self
        for key in Key.allCases {
            moved[key] = self[key].map { ($0.lowerBound + offset)..<($0.upperBound + offset) }
        }
        return moved
    }
}
