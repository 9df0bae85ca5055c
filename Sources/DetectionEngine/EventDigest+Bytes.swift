import CloudTrailReader
import ECSMapping
import TrailTriageJSON

extension EventDigest {
    /// Actions whose digests need details from the full document.
    static let actionsNeedingDocuments: Set<String> = ["CreateTrustAnchor", "ConsoleLogin"]

    /// The digest of a framed record read from its bytes, or `nil` when the record needs the
    /// full parser (unknown fields, escapes, no time, or an action in `actionsNeedingDocuments`).
    static func raw(span: RecordSpan, in buffer: UnsafeBufferPointer<UInt8>) -> RawEventDigest? {
        let fields = span.keyFields
        guard fields.isKnown,
              let timeRange = fields.eventTime, let sourceRange = fields.eventSource, let nameRange = fields.eventName
        else { return nil }
        func bytes(_ range: Range<Int>?, offset: Int = 0) -> UnsafeBufferPointer<UInt8> {
            guard let range else { return UnsafeBufferPointer(start: nil, count: 0) }
            let slice = UnsafeBufferPointer(rebasing: buffer[(range.lowerBound + offset)..<(range.upperBound + offset)])
            // The mapper drops these placeholder values; a digest must agree with it.
            if slice.elementsEqual(placeholderDash) || slice.elementsEqual(placeholderNone) {
                return UnsafeBufferPointer(start: nil, count: 0)
            }
            return slice
        }
        let action = bytes(nameRange)
        guard !actionsNeedingDocumentsBytes.contains(where: { $0.elementsEqual(action) }),
              let time = EventTimeBytes.milliseconds(bytes(timeRange)) ?? ECSTimestamp.parse(String(decoding: bytes(timeRange), as: UTF8.self))
        else { return nil }
        var identity = IdentityFields()
        let base = fields.userIdentity?.lowerBound ?? 0
        if let identityRange = fields.userIdentity {
            guard let found = IdentityFields(UnsafeBufferPointer(rebasing: buffer[identityRange])) else { return nil }
            identity = found
        }
        let failed = !bytes(fields.errorCode).isEmpty || !bytes(fields.errorMessage).isEmpty
        return RawEventDigest(
            time: time,
            eventID: bytes(fields.eventID),
            provider: bytes(sourceRange),
            action: action,
            failed: failed,
            actorARN: bytes(identity.arn, offset: base),
            accessKeyID: bytes(identity.accessKeyId, offset: base),
            sessionID: bytes(identity.principalId, offset: base),
            account: identity.accountId == nil ? bytes(fields.recipientAccountId) : bytes(identity.accountId, offset: base),
            region: bytes(fields.awsRegion),
            source: bytes(fields.sourceIPAddress)
        )
    }

    private static let placeholderDash: [UInt8] = Array("-".utf8)
    private static let placeholderNone: [UInt8] = Array("none".utf8)
    private static let actionsNeedingDocumentsBytes: [[UInt8]] = actionsNeedingDocuments.map { Array($0.utf8) }
}

/// Where the `userIdentity` members a digest needs sit, relative to the object's first byte.
struct IdentityFields {
    var arn: Range<Int>?
    var accessKeyId: Range<Int>?
    var principalId: Range<Int>?
    var accountId: Range<Int>?

    init() {}

    /// Reads the object's top-level plain strings; `nil` when anything needs the full parser.
    init?(_ object: UnsafeBufferPointer<UInt8>) {
        var scanner = JSONScanner(bytes: object)
        guard !scanner.atEnd, scanner.current == UInt8(ascii: "{") else { return nil }
        scanner.position += 1
        do throws(JSONParseError) {
            while true {
                scanner.skipWhitespace()
                guard !scanner.atEnd else { return nil }
                if scanner.current == UInt8(ascii: "}") { return }
                guard scanner.current == UInt8(ascii: "\"") else { return nil }
                let keyStart = scanner.position + 1
                try scanner.skipString()
                let keyBytes = UnsafeBufferPointer(rebasing: object[keyStart..<(scanner.position - 1)])
                if keyBytes.contains(UInt8(ascii: "\\")) { return nil }
                let key = IdentityKey(keyBytes)
                scanner.skipWhitespace()
                guard !scanner.atEnd, scanner.current == UInt8(ascii: ":") else { return nil }
                scanner.position += 1
                scanner.skipWhitespace()
                guard !scanner.atEnd else { return nil }
                let valueStart = scanner.position
                let isString = scanner.current == UInt8(ascii: "\"")
                try scanner.skipValue()
                let inner = (valueStart + 1)..<(scanner.position - 1)
                let plain = isString && !UnsafeBufferPointer(rebasing: object[inner]).contains(UInt8(ascii: "\\"))
                switch key {
                case .onBehalfOf:
                    // Identity Center users are identified through onBehalfOf; the mapper knows how.
                    return nil
                case .arn, .accessKeyId, .principalId, .accountId:
                    guard plain else { return nil }
                    switch key {
                    case .arn: arn = inner
                    case .accessKeyId: accessKeyId = inner
                    case .principalId: principalId = inner
                    default: accountId = inner
                    }
                case .other:
                    break
                }
                scanner.skipWhitespace()
                guard !scanner.atEnd else { return nil }
                if scanner.current == UInt8(ascii: ",") { scanner.position += 1 }
            }
        } catch {
            return nil
        }
    }
}

/// The `userIdentity` keys a digest reads, recognised from bytes without making strings.
enum IdentityKey {
    case arn, accessKeyId, principalId, accountId, onBehalfOf, other

    private static let spellings: [(IdentityKey, [UInt8])] = [
        (.arn, Array("arn".utf8)), (.accessKeyId, Array("accessKeyId".utf8)), (.principalId, Array("principalId".utf8)),
        (.accountId, Array("accountId".utf8)), (.onBehalfOf, Array("onBehalfOf".utf8)),
    ]

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        for (key, spelling) in Self.spellings where spelling.count == bytes.count && spelling.elementsEqual(bytes) {
            self = key
            return
        }
        self = .other
    }
}
