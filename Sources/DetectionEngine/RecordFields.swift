import CloudTrailReader
import ECSMapping
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
    /// Whether any value can be trusted; when `false`, every field is unknown.
    let isUsable: Bool
    private var top: TopLevelMembers?
    private var identity: IdentityMembers?

    init(span: RecordSpan, in buffer: UnsafeBufferPointer<UInt8>, constants: ConstantBytes) {
        self.buffer = buffer
        self.span = span
        self.constants = constants
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
        guard isUsable, let field = CheapField(rawValue: slot) else { return .unknown }
        switch field {
        case .provider: return provider
        case .action: return action
        case .dataset: return .text(constants.dataset)
        case .outcome: return outcome
        case .errorCode: return topValue(\.errorCode)
        case .sourceAddress: return topValue(\.sourceIPAddress)
        case .sourceIP:
            switch topValue(\.sourceIPAddress) {
            case .text(let address): return ECSMapper.isIPAddress(address) ? .text(address) : .absent
            case let other: return other
            }
        case .userAgent: return topValue(\.userAgent)
        case .identityType: return identityValue(\.type)
        case .identityARN: return identityValue(\.arn)
        case .accessKeyID: return identityValue(\.accessKeyId)
        case .invokedBy: return identityValue(\.invokedBy)
        }
    }

    /// `event.outcome` (mapper spec §5): an error code or message that survives pruning means
    /// `failure`. ConsoleLogin is left to the mapper, whose response element decides.
    private var outcome: KQLPartialValue {
        mutating get {
            if case .text(let name) = action, name.elementsEqual(constants.consoleLogin) { return .unknown }
            var failed = false
            for value in [topValue(\.errorCode), topValue(\.errorMessage)] {
                switch value {
                case .unknown, .present: return .unknown
                case .absent: break
                case .text: failed = true
                }
            }
            return .text(failed ? constants.failure : constants.success)
        }
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

    /// A top-level member's value (its range is relative to the record's first byte).
    private mutating func topValue(_ key: KeyPath<TopLevelMembers, Range<Int>?>) -> KQLPartialValue {
        let members = topMembers()
        guard members.isUsable else { return .unknown }
        return Self.value(members[keyPath: key].map { ($0.lowerBound + span.range.lowerBound)..<($0.upperBound + span.range.lowerBound) },
                          in: buffer)
    }

    private mutating func identityValue(_ key: KeyPath<IdentityMembers, Range<Int>?>) -> KQLPartialValue {
        if identity == nil {
            let members = topMembers()
            if !members.isUsable {
                identity = .unusable
            } else if let range = members.userIdentity {
                let start = span.range.lowerBound + range.lowerBound
                let end = span.range.lowerBound + range.upperBound
                identity = IdentityMembers(UnsafeBufferPointer(rebasing: buffer[start..<end]), offset: start)
            } else {
                identity = .absent
            }
        }
        guard let identity else { return .unknown }
        switch identity.state {
        case .unusable: return .unknown
        case .absent: return .absent
        case .object: return Self.value(identity[keyPath: key], in: buffer)
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
    }

    deinit {
        for bytes in [dataset, success, failure, consoleLogin] {
            UnsafeMutableBufferPointer(mutating: bytes).deallocate()
        }
    }
}
