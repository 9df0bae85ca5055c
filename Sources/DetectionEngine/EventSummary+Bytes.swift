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
        func bytes(_ range: Range<Int>?, offset: Int = 0) -> UnsafeBufferPointer<UInt8> {
            guard let range else { return UnsafeBufferPointer(start: nil, count: 0) }
            let slice = UnsafeBufferPointer(rebasing: buffer[(range.lowerBound + offset)..<(range.upperBound + offset)])
            // The mapper drops placeholder values; a summary must agree with it.
            return EmptyValuePruner.isPlaceholder(slice) ? UnsafeBufferPointer(start: nil, count: 0) : slice
        }
        let action = bytes(nameRange)
        guard !needingDocuments.contains(where: { ByteSearch.equal(action, $0) }),
            let time = ECSTimestamp.parse(bytes(timeRange))
        else { return nil }
        var identity = IdentityFields()
        let base = fields.userIdentity?.lowerBound ?? 0
        if let identityRange = fields.userIdentity {
            guard let found = IdentityFields(UnsafeBufferPointer(rebasing: buffer[identityRange])) else { return nil }
            identity = found
        }
        let failed = !bytes(fields.errorCode).isEmpty || !bytes(fields.errorMessage).isEmpty
        var target = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var location = RequestTarget.Location.none
        if let request = requestParameters(of: span, in: buffer) {
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
            actorARN: bytes(identity.arn, offset: base),
            accessKeyID: bytes(identity.accessKeyId, offset: base),
            sessionID: bytes(identity.principalId, offset: base),
            account: identity.accountId == nil
                ? bytes(fields.recipientAccountId) : bytes(identity.accountId, offset: base),
            region: bytes(fields.awsRegion),
            source: bytes(fields.sourceIPAddress),
            target: target
        )
    }

    /// The byte range of the record's top-level `requestParameters` object, or `nil` when it is
    /// absent, `null` or not an object.
    ///
    /// Cheap because it runs on every event a console loads: it walks only the top level, stops
    /// at `requestParameters` (which CloudTrail writes after the identity and the short event
    /// fields), and jumps over `userIdentity`, whose extent framing already found.
    static func requestParameters(of span: RecordSpan, in buffer: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let spelling = requestParametersKey
        let identity = span.keyFields.userIdentity
        var scanner = JSONScanner(bytes: buffer, position: span.range.lowerBound)
        let end = span.range.upperBound
        scanner.skipWhitespace()
        guard scanner.position < end, scanner.current == UInt8(ascii: "{") else { return nil }
        scanner.position += 1
        do throws(JSONParseError) {
            while true {
                scanner.skipWhitespace()
                guard scanner.position < end, scanner.current == UInt8(ascii: "\"") else { return nil }
                let keyStart = scanner.position + 1
                try scanner.skipString()
                let key = UnsafeBufferPointer(rebasing: buffer[keyStart..<(scanner.position - 1)])
                scanner.skipWhitespace()
                guard scanner.position < end, scanner.current == UInt8(ascii: ":") else { return nil }
                scanner.position += 1
                scanner.skipWhitespace()
                guard scanner.position < end else { return nil }
                let valueStart = scanner.position
                if ByteSearch.equal(key, spelling) {
                    guard scanner.current == UInt8(ascii: "{") else { return nil }
                    try scanner.skipValue()
                    return valueStart..<scanner.position
                }
                if let identity, identity.lowerBound == valueStart {
                    scanner.position = identity.upperBound
                } else {
                    try scanner.skipValue()
                }
                scanner.skipWhitespace()
                guard scanner.position < end, scanner.current == UInt8(ascii: ",") else { return nil }
                scanner.position += 1
            }
        } catch {
            return nil
        }
    }

    private static let requestParametersKey = Array("requestParameters".utf8)
}

/// Where the `userIdentity` members a summary needs sit, relative to the object's first byte.
struct IdentityFields {
    var arn: Range<Int>?
    var accessKeyId: Range<Int>?
    var principalId: Range<Int>?
    var accountId: Range<Int>?

    init() {}

    /// Reads the object's top-level plain strings; `nil` when anything needs the full parser
    /// (escapes, another type, a repeated key, or an Identity Center `onBehalfOf`).
    init?(_ object: UnsafeBufferPointer<UInt8>) {
        var scanner = JSONScanner(bytes: object)
        var found = IdentityFields()
        var readable = true
        let reader = scanner
        do throws(JSONParseError) {
            try scanner.skipObject { keyBytes, value in
                guard readable else { return }
                let key = IdentityKey(keyBytes)
                switch key {
                case .other:
                    if keyBytes.contains(UInt8(ascii: "\\")) { readable = false }
                case .onBehalfOf:
                    // Identity Center users are identified through onBehalfOf; the mapper knows how.
                    readable = false
                case .arn, .accessKeyId, .principalId, .accountId:
                    let inner = (value.lowerBound + 1)..<(value.upperBound - 1)
                    guard reader.isPlainString(value), found[key] == nil else {
                        readable = false  // only the full parser can say what this means
                        return
                    }
                    found[key] = inner
                }
            }
        } catch {
            return nil
        }
        guard readable else { return nil }
        self = found
    }

    private subscript(key: IdentityKey) -> Range<Int>? {
        get {
            switch key {
            case .arn: arn
            case .accessKeyId: accessKeyId
            case .principalId: principalId
            case .accountId: accountId
            case .onBehalfOf, .other: nil
            }
        }
        set {
            switch key {
            case .arn: arn = newValue
            case .accessKeyId: accessKeyId = newValue
            case .principalId: principalId = newValue
            case .accountId: accountId = newValue
            case .onBehalfOf, .other: break
            }
        }
    }
}

/// The `userIdentity` keys a summary reads, recognised from bytes without making strings.
enum IdentityKey {
    case arn, accessKeyId, principalId, accountId, onBehalfOf, other

    private static let spellings: [(IdentityKey, [UInt8])] = [
        (.arn, Array("arn".utf8)), (.accessKeyId, Array("accessKeyId".utf8)), (.principalId, Array("principalId".utf8)),
        (.accountId, Array("accountId".utf8)), (.onBehalfOf, Array("onBehalfOf".utf8)),
    ]

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        for (key, spelling) in Self.spellings where ByteSearch.equal(bytes, spelling) {
            self = key
            return
        }
        self = .other
    }
}
