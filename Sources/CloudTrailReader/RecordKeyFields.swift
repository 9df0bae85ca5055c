/// Where a record's top-level key fields sit in the file, found while framing.
///
/// Only plain strings are located: a value with escapes, a non-string value, a repeated key or an
/// escaped key makes the fields unknown, and unknown fields never let a scan exclude a record or
/// summarise it from bytes. That way a crafted record (say `"eventName":"Create\u0055ser"`)
/// always reaches the full parser.
public struct RecordKeyFields: Sendable, Hashable {
    /// Whether the record's top level was read; when `false`, nothing is known.
    public var isKnown: Bool
    /// The bytes between the quotes of each plain string value found.
    public var eventSource: Range<Int>?
    public var eventName: Range<Int>?
    public var eventTime: Range<Int>?
    public var eventID: Range<Int>?
    public var awsRegion: Range<Int>?
    public var sourceIPAddress: Range<Int>?
    public var recipientAccountId: Range<Int>?
    public var errorCode: Range<Int>?
    public var errorMessage: Range<Int>?
    /// The whole `userIdentity` value (an object in valid CloudTrail), braces included.
    public var userIdentity: Range<Int>?
    /// The members of `userIdentity`, noted while framing walked it; set with ``userIdentity``.
    public var identityMembers: IdentityMemberRanges?
    /// The whole `requestParameters` value when it is an object, braces included; `nil` when it
    /// is absent, `null` or of another type (the mapper then keeps no request parameters).
    public var requestParameters: Range<Int>?

    public init(isKnown: Bool) {
        self.isKnown = isKnown
    }

    /// Nothing is known about the record.
    public static let unknown = RecordKeyFields(isKnown: false)

    /// Moves every located range by `offset` bytes.
    func shifted(by offset: Int) -> RecordKeyFields {
        guard offset != 0 else { return self }
        func move(_ range: Range<Int>?) -> Range<Int>? {
            range.map { ($0.lowerBound + offset)..<($0.upperBound + offset) }
        }
        var moved = self
        moved.eventSource = move(eventSource)
        moved.eventName = move(eventName)
        moved.eventTime = move(eventTime)
        moved.eventID = move(eventID)
        moved.awsRegion = move(awsRegion)
        moved.sourceIPAddress = move(sourceIPAddress)
        moved.recipientAccountId = move(recipientAccountId)
        moved.errorCode = move(errorCode)
        moved.errorMessage = move(errorMessage)
        moved.userIdentity = move(userIdentity)
        moved.identityMembers = identityMembers?.shifted(by: offset)
        moved.requestParameters = move(requestParameters)
        return moved
    }
}
