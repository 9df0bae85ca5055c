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

    private enum Key: CaseIterable {
        case type, arn, accessKeyId, invokedBy, userName, sessionContext, accountId

        static let spellings: [(Key, [UInt8])] = allCases.map { ($0, Array(String(describing: $0).utf8)) }

        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            for (key, spelling) in Self.spellings where ByteSearch.equal(bytes, spelling) {
                self = key
                return
            }
            return nil
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
