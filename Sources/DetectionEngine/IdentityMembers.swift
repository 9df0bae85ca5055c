import TrailTriageJSON

/// Where the `userIdentity` members that cheap fields read sit, as ranges into the file's bytes.
struct IdentityMembers {
    enum State {
        /// `userIdentity` is an object whose members below were located.
        case object
        /// The record has no `userIdentity` (or `null`): every identity field is absent.
        case absent
        /// Not an object, or with escaped or repeated keys: only the mapper can tell.
        case unusable
    }

    private(set) var state: State
    var type: Range<Int>?
    var arn: Range<Int>?
    var accessKeyId: Range<Int>?
    var invokedBy: Range<Int>?
    var userName: Range<Int>?
    var sessionContext: Range<Int>?
    var accountId: Range<Int>?

    static let absent = IdentityMembers(state: .absent)
    static let unusable = IdentityMembers(state: .unusable)

    private init(state: State) {
        self.state = state
    }

    /// The members cheap fields read, by name.
    enum Key {
        case type, arn, accessKeyId, invokedBy, userName, sessionContext, accountId

        /// The key `bytes` spell, if any: a switch on the length, then `memcmp` against static
        /// spellings. This runs for every member of every record's identity, where a table of
        /// arrays cost reference counting on each comparison.
        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            func spells(_ spelling: StaticString) -> Bool { ByteSearch.equal(bytes, spelling) }
            switch bytes.count {
            case 3 where spells("arn"): self = .arn
            case 4 where spells("type"): self = .type
            case 8 where spells("userName"): self = .userName
            case 9 where spells("invokedBy"): self = .invokedBy
            case 9 where spells("accountId"): self = .accountId
            case 11 where spells("accessKeyId"): self = .accessKeyId
            case 14 where spells("sessionContext"): self = .sessionContext
            default: return nil
            }
        }
    }

    /// The range of one member's value, `nil` when the identity has none.
    subscript(key: Key) -> Range<Int>? {
        switch key {
        case .type: type
        case .arn: arn
        case .accessKeyId: accessKeyId
        case .invokedBy: invokedBy
        case .userName: userName
        case .sessionContext: sessionContext
        case .accountId: accountId
        }
    }

    private mutating func set(_ key: Key, _ range: Range<Int>) {
        func store(_ slot: inout Range<Int>?) {
            if slot != nil { state = .unusable } else { slot = range }
        }
        switch key {
        case .type: store(&type)
        case .arn: store(&arn)
        case .accessKeyId: store(&accessKeyId)
        case .invokedBy: store(&invokedBy)
        case .userName: store(&userName)
        case .sessionContext: store(&sessionContext)
        case .accountId: store(&accountId)
        }
    }

    /// Reads the members of the value in `bytes`, which starts at `offset` in the file.
    init(_ bytes: UnsafeBufferPointer<UInt8>, offset: Int) {
        guard let first = bytes.first else {
            self.init(state: .unusable)
            return
        }
        if first == UInt8(ascii: "n") {
            self.init(state: .absent)  // null, which the mapper prunes
            return
        }
        guard first == UInt8(ascii: "{") else {
            self.init(state: .unusable)
            return
        }
        var found = IdentityMembers(state: .object)
        var scanner = JSONScanner(bytes: bytes)
        do throws(JSONParseError) {
            try scanner.skipObject { keyBytes, value in
                guard found.state == .object else { return }
                guard let key = Key(keyBytes) else {
                    if keyBytes.contains(UInt8(ascii: "\\")) { found.state = .unusable }
                    return
                }
                found.set(key, (value.lowerBound + offset)..<(value.upperBound + offset))
            }
        } catch {
            found.state = .unusable
        }
        self = found
    }
}
