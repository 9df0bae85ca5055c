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
    /// Framing's notes; read only in the `.object` state.
    private var members = IdentityMemberRanges()

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
        let repeated = IdentityMemberRanges.Key.allCases.contains(where: members.isRepeated)
        guard !members.hasEscapedKey, !repeated else {
            self.init(state: .unusable)
            return
        }
        self.init(state: .object)
        self.members = members
    }

    /// The range of one member's value, `nil` when the identity has none.
    subscript(key: Key) -> Range<Int>? { members[key] }
}
