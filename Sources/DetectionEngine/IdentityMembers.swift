import CloudTrailReader

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
    typealias Key = IdentityMemberRanges.Key

    /// The identity's members as framing noted them: unusable when a key was escaped (it might
    /// spell one of these) or one of these keys was repeated (only the parser can say which wins).
    init(_ members: IdentityMemberRanges) {
        let repeated =
            members.isRepeated(.type) || members.isRepeated(.arn) || members.isRepeated(.accessKeyId)
            || members.isRepeated(.invokedBy) || members.isRepeated(.userName)
            || members.isRepeated(.sessionContext) || members.isRepeated(.accountId)
        guard !members.hasEscapedKey, !repeated else {
            self.init(state: .unusable)
            return
        }
        self.init(state: .object)
        type = members[.type]
        arn = members[.arn]
        accessKeyId = members[.accessKeyId]
        invokedBy = members[.invokedBy]
        userName = members[.userName]
        sessionContext = members[.sessionContext]
        accountId = members[.accountId]
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
        case .principalId, .onBehalfOf: nil
        }
    }
}
