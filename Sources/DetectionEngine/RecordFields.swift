import CloudTrailReader
import ECSMapping
import Glibc
import KQL
import TrailTriageJSON

/// The ``CheapField`` values of one framed record, each read from its bytes on first use and kept
/// for the other rules that ask.
///
/// Every value must be exactly what the mapper would put in the document, or ``KQLPartialValue/unknown``.
/// Hence the conservative rules: the record's fields must be known to framing, it must carry
/// `eventName` and `eventTime` at its top level (an EventBridge envelope or a digest file maps
/// differently), values count only as plain ASCII strings (placeholders such as `-` count as
/// absent, as the mapper prunes them), and an escaped or repeated key makes the walk unusable.
struct RecordFields: KQLPartialFields {
    private let buffer: UnsafeBufferPointer<UInt8>
    private let span: RecordSpan
    private let constants: ConstantBytes
    private let userAgentNames: UserAgentNames?
    private let geoIPKeywords: GeoIPKeywords?
    /// The field of each slot rules ask for.
    private let slots: [CheapField]
    /// Whether the mapper keeps flattened payload copies (retain `all` or `flattened`).
    private let flattensPayloads: Bool
    /// Whether GeoIP/ASN databases are open, so `source.geo.*` and `source.as.*` may be set.
    private let enrichesSourceAddress: Bool
    /// Whether any value can be trusted; when `false`, every field is unknown.
    let isUsable: Bool
    private var top: TopLevelMembers?
    private var identity: IdentityMembers?
    private var requestParameters: RequestParameters?
    /// Whether `"errorCode"` / `"errorMessage"` occur anywhere in the record, once asked.
    private var mentionsErrorCode: Bool?
    private var mentionsErrorMessage: Bool?
    /// Whether the record has a backslash anywhere (an escape could spell any text), once asked.
    private var hasEscapes: Bool?
    /// `event.outcome`, once asked: most rules test it.
    private var knownOutcome: KQLPartialValue?

    init(
        span: RecordSpan, in buffer: UnsafeBufferPointer<UInt8>, slots: [CheapField], constants: ConstantBytes,
        flattensPayloads: Bool, enrichesSourceAddress: Bool, userAgentNames: UserAgentNames? = nil,
        geoIPKeywords: GeoIPKeywords? = nil
    ) {
        self.userAgentNames = userAgentNames
        self.geoIPKeywords = geoIPKeywords
        self.buffer = buffer
        self.span = span
        self.slots = slots
        self.constants = constants
        self.flattensPayloads = flattensPayloads
        self.enrichesSourceAddress = enrichesSourceAddress
        let keys = span.keyFields
        isUsable = keys.isKnown && keys.eventName != nil && keys.eventTime != nil
    }

    /// `event.action` as the mapper sets it; also what the rule index is looked up by.
    var action: KQLPartialValue {
        isUsable ? Self.plainText(span.keyFields.eventName.map(bytes)) : .unknown
    }

    /// `event.provider` as the mapper sets it.
    var provider: KQLPartialValue {
        isUsable ? Self.plainText(span.keyFields.eventSource.map(bytes)) : .unknown
    }

    mutating func partialValue(at slot: Int) -> KQLPartialValue {
        guard isUsable, slots.indices.contains(slot) else { return .unknown }
        return value(of: slots[slot])
    }

    mutating func value(of field: CheapField) -> KQLPartialValue {
        guard isUsable else { return .unknown }
        switch field {
        case .provider: return provider
        case .action: return action
        case .dataset: return .text(constants.dataset)
        case .outcome: return outcome
        case .errorCode: return located(span.keyFields.errorCode, .errorCode, errorKey: .code)
        case .sourceAddress: return located(span.keyFields.sourceIPAddress, .sourceIPAddress)
        case .sourceIP:
            switch located(span.keyFields.sourceIPAddress, .sourceIPAddress) {
            case .text(let address): return ECSMapper.isIPAddress(address) ? .text(address) : .absent
            case let other: return other
            }
        case .userAgent: return topValue(.userAgent)
        case .userAgentName:
            switch topValue(.userAgent) {
            case .text(let userAgent): return userAgentNames?.name(of: userAgent) ?? .unknown
            case .absent: return .absent
            case .unknown, .present: return .unknown
            }
        case .identityType: return identityValue(.type)
        case .identityARN: return identityValue(.arn)
        case .accessKeyID: return identityValue(.accessKeyId)
        case .invokedBy: return identityValue(.invokedBy)
        case .sessionIssuerARN: return sessionIssuerARN
        case .userName: return userName
        case .userID: return userID
        case .principalID: return identityValue(.principalId)
        // With databases the values come from a lookup the bytes do not show.
        case .enrichment: return enrichesSourceAddress ? .unknown : .absent
        case .geoIPText(let path):
            guard enrichesSourceAddress else { return .absent }
            switch value(of: .sourceIP) {
            case .text(let address): return geoIPKeywords?.value(at: path, for: address) ?? .unknown
            case .absent: return .absent
            case .unknown, .present: return .unknown
            }
        case .requestParameter(let name): return requestParameter(name)
        case .accountID:
            let own = identityValue(.accountId)
            if case .absent = own { return located(span.keyFields.recipientAccountId, .recipientAccountId) }
            return own
        case .resourceARNs, .verbatim: return .unknown  // several values; see keywords(of:)
        }
    }

    /// Whether a field's values might contain `literal`: `false` only for fields copied verbatim
    /// from a record without any escape that does not spell `literal` anywhere. Numbers are left
    /// out (the mapper may print them differently), hence literals of digits only say `true`.
    mutating func mayContain(_ literal: UnsafeBufferPointer<UInt8>, atSlot slot: Int) -> Bool {
        guard slots.indices.contains(slot), slots[slot].isVerbatim,
            literal.contains(where: { !Self.numberCharacters.contains($0) }),
            literal.allSatisfy({ $0 < 0x80 })
        else { return true }
        if recordHasEscapes { return true }
        return Self.contains(UnsafeBufferPointer(rebasing: buffer[span.range]), literal)
    }

    /// Whether the record has a backslash anywhere: then an escape could spell any text.
    private var recordHasEscapes: Bool {
        mutating get {
            if let hasEscapes { return hasEscapes }
            let record = UnsafeBufferPointer(rebasing: buffer[span.range])
            let found = record.baseAddress.map { memchr($0, Int32(UInt8(ascii: "\\")), record.count) != nil } ?? false
            hasEscapes = found
            return found
        }
    }

    /// Bytes a JSON number's text can be made of.
    private static let numberCharacters = Set("0123456789.-+eE".utf8)

    /// Fields that need the walk over the record's top level, while it has not been done.
    func prefersLiteralSearch(atSlot slot: Int) -> Bool {
        guard top == nil, slots.indices.contains(slot) else { return false }
        switch slots[slot] {
        case .userAgent, .resourceARNs, .requestParameter, .verbatim: return true
        default: return false
        }
    }

    /// Every keyword of the field, as `ECSDocument.keywordValues` gives it up to order and
    /// repeats (which new-terms combinations ignore); `nil` when unknown.
    mutating func keywords(of field: CheapField) -> [String]? {
        if case .resourceARNs = field { return resourceARNs }
        switch value(of: field) {
        case .text(let bytes): return [String(decoding: bytes, as: UTF8.self)]
        case .absent: return []
        case .unknown, .present: return nil
        }
    }

    /// `aws.cloudtrail.resources.arn` (mapper spec §3.6): each entry's `ARN`, else its `arn`.
    private var resourceARNs: [String]? {
        mutating get {
            let members = topMembers()
            guard isUsable, members.isUsable else { return nil }
            guard let relative = members.resources else { return [] }
            let range = (relative.lowerBound + span.range.lowerBound)..<(relative.upperBound + span.range.lowerBound)
            switch buffer[range.lowerBound] {
            case UInt8(ascii: "n"): return []
            case UInt8(ascii: "["): break
            default: return nil
            }
            var entries: [Range<Int>] = []
            var scanner = JSONScanner(bytes: buffer, position: range.lowerBound + 1)
            do throws(JSONParseError) {
                while true {
                    while scanner.position < range.upperBound && JSONScanner.isWhitespace(buffer[scanner.position]) {
                        scanner.position += 1
                    }
                    guard scanner.position < range.upperBound - 1 else { break }
                    let start = scanner.position
                    try scanner.skipValue()
                    entries.append(start..<scanner.position)
                    while scanner.position < range.upperBound && JSONScanner.isWhitespace(buffer[scanner.position]) {
                        scanner.position += 1
                    }
                    guard scanner.position < range.upperBound, buffer[scanner.position] == UInt8(ascii: ",") else {
                        break
                    }
                    scanner.position += 1
                }
            } catch {
                return nil
            }
            var arns: [String] = []
            for entry in entries {
                switch buffer[entry.lowerBound] {
                case UInt8(ascii: "n"): continue  // null entries are pruned
                case UInt8(ascii: "{"): break
                default: return nil
                }
                var found: KQLPartialValue = .absent
                for key: StaticString in ["ARN", "arn"] {
                    switch Self.member(key, of: entry, in: buffer) {
                    case .absent: continue
                    case .object, .unusable: return nil
                    case .value(let value): found = Self.value(value, in: buffer)
                    }
                    if case .absent = found { continue }
                    break
                }
                switch found {
                case .text(let bytes): arns.append(String(decoding: bytes, as: UTF8.self))
                case .absent: continue
                case .unknown, .present: return nil
                }
            }
            return arns
        }
    }

    /// `event.outcome` (mapper spec §5): an error code or message that survives pruning means
    /// `failure`. ConsoleLogin is left to the mapper, whose response element decides.
    private var outcome: KQLPartialValue {
        mutating get {
            if let knownOutcome { return knownOutcome }
            let found = readOutcome()
            knownOutcome = found
            return found
        }
    }

    private mutating func readOutcome() -> KQLPartialValue {
        if case .text(let name) = action, ByteSearch.equal(name, constants.consoleLogin) { return .unknown }
        // Either error member holding a value means failure; an unknown one leaves it open.
        let code = located(span.keyFields.errorCode, .errorCode, errorKey: .code)
        if case .unknown = code { return .unknown }
        if case .present = code { return .unknown }
        let message = located(span.keyFields.errorMessage, .errorMessage, errorKey: .message)
        if case .unknown = message { return .unknown }
        if case .present = message { return .unknown }
        var failed = false
        if case .text = code { failed = true }
        if case .text = message { failed = true }
        return .text(failed ? constants.failure : constants.success)
    }

    /// `user.name` (mapper spec §3.3).
    private var userName: KQLPartialValue {
        mutating get {
            var name = identityValue(.userName)
            switch identityValue(.type) {
            case .unknown, .present:
                return .unknown
            case .absent:
                break
            case .text(let type):
                if ByteSearch.equal(type, constants.awsService) { return .absent }
                if ByteSearch.equal(type, constants.assumedRole) || ByteSearch.equal(type, constants.federatedUser) {
                    switch sessionIssuer {
                    case .none:
                        return .unknown
                    case .some(nil):
                        break
                    case .some(let issuer?):
                        switch Self.memberValue("userName", of: issuer, in: buffer) {
                        case .unknown, .present: return .unknown
                        case .absent: break
                        case let issuerName: name = issuerName
                        }
                    }
                }
            }
            // A UserAuthentication without a userName takes the name from additionalEventData.
            if case .absent = name, case .text(let action) = action,
                ByteSearch.equal(action, constants.userAuthentication)
            {
                return .unknown
            }
            return name
        }
    }

    /// `user.id` as the mapper sets it: `principalId` (any string, even one pruned as empty,
    /// wins), else `onBehalfOf.userId`; nothing for a service.
    private var userID: KQLPartialValue {
        mutating get {
            switch identityValue(.type) {
            case .unknown, .present: return .unknown
            case .text(let type) where ByteSearch.equal(type, constants.awsService): return .absent
            case .text, .absent: break
            }
            let principal = identityValue(.principalId)
            guard case .absent = principal else { return principal }
            // An empty or placeholder principalId reads as absent here but still wins in the
            // mapper, so only a record without onBehalfOf settles it.
            switch identityValueRange(.onBehalfOf) {
            case .some(nil): return .absent
            default: return .unknown
            }
        }
    }

    /// The range of `sessionContext.sessionIssuer` when it is an object; `.some(nil)` when there
    /// is none, `nil` when unknown.
    private var sessionIssuer: Range<Int>?? {
        mutating get {
            switch identityValueRange(.sessionContext) {
            case .none: return nil
            case .some(nil): return .some(nil)
            case .some(let context?):
                switch Self.member("sessionIssuer", of: context, in: buffer) {
                case .absent: return .some(nil)
                case .object(let issuer): return .some(issuer)
                case .value, .unusable: return nil
                }
            }
        }
    }

    /// A scalar member's keyword value; unknown for objects and unreadable members.
    private static func memberValue(
        _ name: StaticString, of range: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>
    ) -> KQLPartialValue {
        switch member(name, of: range, in: buffer) {
        case .absent: return .absent
        case .object, .unusable: return .unknown
        case .value(let value): return Self.value(value, in: buffer)
        }
    }

    /// Whether `marker` occurs in `text` (see ``ByteSearch/contains(_:_:)``).
    static func contains(_ text: UnsafeBufferPointer<UInt8>, _ marker: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteSearch.contains(text, marker)
    }

    /// `sessionContext.sessionIssuer.arn`, two objects down from `userIdentity`.
    private var sessionIssuerARN: KQLPartialValue {
        mutating get {
            switch sessionIssuer {
            case .none: return .unknown
            case .some(nil): return .absent
            case .some(let issuer?): return Self.memberValue("arn", of: issuer, in: buffer)
            }
        }
    }

    /// A top-level leaf of the flattened `requestParameters` (mapper spec §7).
    private mutating func requestParameter(_ name: String) -> KQLPartialValue {
        guard flattensPayloads else { return .unknown }
        // Most records never spell the member's key at all, and then it is certainly absent.
        if top == nil, !recordHasEscapes {
            var quoted = "\"" + name + "\""
            let spelled = quoted.withUTF8 { Self.contains(UnsafeBufferPointer(rebasing: buffer[span.range]), $0) }
            if !spelled { return .absent }
        }
        if requestParameters == nil {
            let members = topMembers()
            if !members.isUsable {
                requestParameters = .unusable
            } else if let range = members.requestParameters {
                let start = span.range.lowerBound + range.lowerBound
                requestParameters = RequestParameters(buffer, range: start..<(span.range.lowerBound + range.upperBound))
            } else {
                requestParameters = .absent
            }
        }
        guard let requestParameters else { return .unknown }
        switch requestParameters {
        case .unusable: return .unknown
        case .absent: return .absent
        case .object(let range):
            var name = name
            return name.withUTF8 { wanted in
                switch Self.member(wanted, of: range, in: buffer) {
                case .absent: return .absent
                case .object, .unusable: return .unknown
                case .value(let value):
                    switch buffer[value.lowerBound] {
                    case UInt8(ascii: "t"), UInt8(ascii: "f"):
                        // A boolean's keyword is its JSON spelling, `true` or `false`.
                        return .text(UnsafeBufferPointer(rebasing: buffer[value]))
                    default:
                        return Self.value(value, in: buffer)
                    }
                }
            }
        }
    }

    /// The range of an identity member's value: `nil` when unknown, `.some(nil)` when absent.
    private mutating func identityValueRange(_ key: IdentityMembers.Key) -> Range<Int>?? {
        _ = identityValue(.type)  // locates the identity's members
        guard let identity else { return nil }
        switch identity.state {
        case .unusable: return nil
        case .absent: return .some(nil)
        case .object: return .some(identity[key])
        }
    }

    /// What one member of a nested object is.
    enum Member {
        case absent
        case object(Range<Int>)
        case value(Range<Int>)
        case unusable

        var verdict: KQLPartialValue {
            switch self {
            case .absent: .absent
            case .object, .value, .unusable: .unknown
            }
        }
    }

    /// Finds `name` among the members of the object (or `null`) whose value is `range`.
    static func member(_ name: StaticString, of range: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>) -> Member {
        member(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount), of: range, in: buffer)
    }

    static func member(
        _ wanted: UnsafeBufferPointer<UInt8>, of range: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>
    ) -> Member {
        guard !range.isEmpty else { return .unusable }
        if buffer[range.lowerBound] == UInt8(ascii: "n") { return .absent }
        guard buffer[range.lowerBound] == UInt8(ascii: "{") else { return .unusable }
        var scanner = JSONScanner(bytes: UnsafeBufferPointer(rebasing: buffer[range]))
        var found: Member = .absent
        do throws(JSONParseError) {
            try scanner.skipObject { key, value in
                if key.contains(UInt8(ascii: "\\")) {
                    found = .unusable
                    return
                }
                guard ByteSearch.equal(key, wanted) else { return }
                guard case .absent = found else {
                    found = .unusable  // repeated
                    return
                }
                let absolute = (value.lowerBound + range.lowerBound)..<(value.upperBound + range.lowerBound)
                found = buffer[absolute.lowerBound] == UInt8(ascii: "{") ? .object(absolute) : .value(absolute)
            }
        } catch {
            return .unusable
        }
        if case .value(let value) = found, buffer[value.lowerBound] == UInt8(ascii: "n") { return .absent }
        return found
    }

    private func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: buffer[range])
    }

    private mutating func topMembers() -> TopLevelMembers {
        if let top { return top }
        let found = TopLevelMembers(UnsafeBufferPointer(rebasing: buffer[span.range]))
        top = found
        return found
    }

    enum ErrorKey { case code, message }

    /// A top-level member framing may have located (`range`, between the quotes of a plain
    /// string). Framing skips members of other types, so when it found nothing the member is
    /// looked for again: absent outright when the record's bytes never spell the key (escaped keys
    /// made the fields unknown), the common case for the error fields; else by a walk over the
    /// record's top level.
    private mutating func located(
        _ range: Range<Int>?, _ key: TopLevelMembers.Key, errorKey: ErrorKey? = nil
    ) -> KQLPartialValue {
        if let range { return Self.plainText(bytes(range)) }
        if let errorKey {
            let record = UnsafeBufferPointer(rebasing: buffer[span.range])
            if errorKey == .code {
                if mentionsErrorCode == nil { mentionsErrorCode = Self.contains(record, constants.errorCodeKey) }
                if mentionsErrorCode == false { return .absent }
            } else {
                if mentionsErrorMessage == nil {
                    mentionsErrorMessage = Self.contains(record, constants.errorMessageKey)
                }
                if mentionsErrorMessage == false { return .absent }
            }
        }
        return topValue(key)
    }

    /// A top-level member's value (its range is relative to the record's first byte).
    private mutating func topValue(_ key: TopLevelMembers.Key) -> KQLPartialValue {
        let members = topMembers()
        guard members.isUsable else { return .unknown }
        let start = span.range.lowerBound
        return Self.value(members[key].map { ($0.lowerBound + start)..<($0.upperBound + start) }, in: buffer)
    }

    private mutating func identityValue(_ key: IdentityMembers.Key) -> KQLPartialValue {
        if identity == nil {
            // Framing located `userIdentity` when it is an object; any other type, or a repeated
            // key, made the record's fields unknown, so here no range means no member.
            if span.keyFields.userIdentity != nil {
                // Framing noted the members as it walked the object; without them, the parser decides.
                identity = span.keyFields.identityMembers.map(IdentityMembers.init) ?? .unusable
            } else {
                identity = .absent
            }
        }
        guard let identity else { return .unknown }
        switch identity.state {
        case .unusable: return .unknown
        case .absent: return .absent
        case .object: return Self.value(identity[key], in: buffer)
        }
    }

    /// What a JSON value (its whole range, quotes included) stands for as a keyword.
    static func value(_ range: Range<Int>?, in buffer: UnsafeBufferPointer<UInt8>) -> KQLPartialValue {
        guard let range, !range.isEmpty else { return .absent }
        switch buffer[range.lowerBound] {
        case UInt8(ascii: "n"):
            return .absent  // null: framing validated the JSON, so nothing else starts with n
        case UInt8(ascii: "\""):
            guard range.count >= 2 else { return .unknown }
            return plainText(UnsafeBufferPointer(rebasing: buffer[(range.lowerBound + 1)..<(range.upperBound - 1)]))
        default:
            // Numbers, booleans, objects, arrays: the mapper's handling varies; let it decide.
            return .unknown
        }
    }

    /// The keyword for a string's raw bytes (between its quotes), `nil` meaning absent.
    static func plainText(_ bytes: UnsafeBufferPointer<UInt8>?) -> KQLPartialValue {
        guard let bytes else { return .absent }
        if EmptyValuePruner.isPlaceholder(bytes) { return .absent }
        // Escapes must be decoded and non-ASCII text may have been repaired: only the parser knows.
        for byte in bytes where byte >= 0x80 || byte == UInt8(ascii: "\\") {
            return .unknown
        }
        return .text(bytes)
    }
}

/// Byte strings the cheap fields compare with or return, allocated once per scan so partial
/// values can point at them.
final class ConstantBytes: @unchecked Sendable {
    let dataset: UnsafeBufferPointer<UInt8>
    let success: UnsafeBufferPointer<UInt8>
    let failure: UnsafeBufferPointer<UInt8>
    let consoleLogin: UnsafeBufferPointer<UInt8>
    let userAuthentication: UnsafeBufferPointer<UInt8>
    let awsService: UnsafeBufferPointer<UInt8>
    let assumedRole: UnsafeBufferPointer<UInt8>
    let federatedUser: UnsafeBufferPointer<UInt8>
    let errorCodeKey: UnsafeBufferPointer<UInt8>
    let errorMessageKey: UnsafeBufferPointer<UInt8>

    init() {
        func allocate(_ text: String) -> UnsafeBufferPointer<UInt8> {
            let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: text.utf8.count)
            _ = storage.initialize(from: text.utf8)
            return UnsafeBufferPointer(storage)
        }
        dataset = allocate(ECSMapper.dataset)
        success = allocate("success")
        failure = allocate("failure")
        consoleLogin = allocate("ConsoleLogin")
        userAuthentication = allocate("UserAuthentication")
        awsService = allocate("AWSService")
        assumedRole = allocate("AssumedRole")
        federatedUser = allocate("FederatedUser")
        errorCodeKey = allocate("\"errorCode\"")
        errorMessageKey = allocate("\"errorMessage\"")
    }

    deinit {
        let all = [
            dataset, success, failure, consoleLogin, userAuthentication, awsService, assumedRole, federatedUser,
            errorCodeKey, errorMessageKey,
        ]
        for bytes in all {
            UnsafeMutableBufferPointer(mutating: bytes).deallocate()
        }
    }
}
