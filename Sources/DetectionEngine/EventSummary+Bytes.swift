import CloudTrailReader
import ECSMapping
import RelatedActivity
import TrailTriageJSON

extension EventSummary {
    /// The summary of a framed record read from its bytes, or `nil` when the record needs the
    /// full parser (unknown fields, escapes, no time, or an action in `needingDocuments`, the
    /// UTF-8 of the accumulator's ``EventAccumulator/actionsNeedingDocuments``).
    static func raw(
        span: RecordSpan, in buffer: UnsafeBufferPointer<UInt8>, needingDocuments: [[UInt8]]
    ) -> RawEventSummary? {
        let fields = span.keyFields
        guard fields.isKnown,
            let timeRange = fields.eventTime, let sourceRange = fields.eventSource, let nameRange = fields.eventName
        else { return nil }
        func bytes(_ range: Range<Int>?) -> UnsafeBufferPointer<UInt8> {
            guard let range else { return UnsafeBufferPointer(start: nil, count: 0) }
            let slice = UnsafeBufferPointer(rebasing: buffer[range])
            // The mapper drops placeholder values; a summary must agree with it.
            return EmptyValuePruner.isPlaceholder(slice) ? UnsafeBufferPointer(start: nil, count: 0) : slice
        }
        let action = bytes(nameRange)
        guard !needingDocuments.contains(where: { ByteSearch.equal(action, $0) }),
            let time = ECSTimestamp.parse(bytes(timeRange))
        else { return nil }
        var identity = IdentityFields()
        if fields.userIdentity != nil {
            guard let members = fields.identityMembers, let found = IdentityFields(members, in: buffer) else {
                return nil
            }
            identity = found
        }
        let failed = !bytes(fields.errorCode).isEmpty || !bytes(fields.errorMessage).isEmpty
        var target = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var location = RequestTarget.Location.none
        // Framing located the object (see RecordKeyFields.requestParameters): no walk here.
        if let request = fields.requestParameters {
            let object = UnsafeBufferPointer(rebasing: buffer[request])
            location = RequestTarget.locate(in: object)
            if case .found(let value) = location { target = UnsafeBufferPointer(rebasing: object[value]) }
        }
        switch location {
        case .found: break
        // The few actions whose target the mapper takes from the response or resources.
        case .none: if RequestTarget.mayTargetElsewhere(action) { return nil }
        // Only the full parser can say what the target is; the document path reads it.
        case .unreadable: return nil
        }
        return RawEventSummary(
            time: time,
            eventID: bytes(fields.eventID),
            provider: bytes(sourceRange),
            action: action,
            failed: failed,
            actorARN: bytes(identity.arn),
            accessKeyID: bytes(identity.accessKeyId),
            sessionID: bytes(identity.principalId),
            account: identity.accountId == nil
                ? bytes(fields.recipientAccountId) : bytes(identity.accountId),
            region: bytes(fields.awsRegion),
            source: bytes(fields.sourceIPAddress),
            target: target
        )
    }
}

/// Where the `userIdentity` members a summary needs sit: the text between each value's quotes.
struct IdentityFields {
    var arn: Range<Int>?
    var accessKeyId: Range<Int>?
    var principalId: Range<Int>?
    var accountId: Range<Int>?

    init() {}

    /// The identity's plain strings as framing noted them; `nil` when anything needs the full
    /// parser (an escaped key, one of these keys repeated or not a plain string, or an Identity
    /// Center `onBehalfOf`, through which the mapper identifies the user).
    init?(_ members: IdentityMemberRanges, in buffer: UnsafeBufferPointer<UInt8>) {
        guard !members.hasEscapedKey, members[.onBehalfOf] == nil else { return nil }
        func text(_ key: IdentityMemberRanges.Key) -> Range<Int>?? {
            guard let value = members[key] else { return .some(nil) }
            guard !members.isRepeated(key), JSONScanner(bytes: buffer).isPlainString(value) else { return nil }
            return .some((value.lowerBound + 1)..<(value.upperBound - 1))
        }
        guard let arn = text(.arn), let accessKeyId = text(.accessKeyId), let principalId = text(.principalId),
            let accountId = text(.accountId)
        else { return nil }
        self.arn = arn
        self.accessKeyId = accessKeyId
        self.principalId = principalId
        self.accountId = accountId
    }
}
