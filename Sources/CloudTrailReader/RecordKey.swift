/// The top-level CloudTrail keys framing locates.
enum RecordKey: CaseIterable {
    case eventSource, eventName, eventTime, eventID, awsRegion, sourceIPAddress, recipientAccountId
    case errorCode, errorMessage, userIdentity

    var bytes: [UInt8] { Array(String(describing: self).utf8) }

    /// Keys every CloudTrail record has as strings: any other type there makes the record's
    /// fields unknown, so it goes to the full parser (which reports it).
    var isRequired: Bool {
        self == .eventSource || self == .eventName || self == .eventTime || self == .eventID
    }

    /// The keys by their UTF-8 spelling, looked up by length first so most keys are rejected
    /// after one comparison.
    static let byLength: [Int: [(key: RecordKey, bytes: [UInt8])]] = {
        var table: [Int: [(key: RecordKey, bytes: [UInt8])]] = [:]
        for key in allCases {
            table[key.bytes.count, default: []].append((key, key.bytes))
        }
        return table
    }()

    static func matching(_ candidate: UnsafeBufferPointer<UInt8>) -> RecordKey? {
        guard let entries = byLength[candidate.count] else { return nil }
        for entry in entries where entry.bytes.elementsEqual(candidate) {
            return entry.key
        }
        return nil
    }

    /// Reads the range for this key.
    func range(in fields: RecordKeyFields) -> Range<Int>? {
        switch self {
        case .eventSource: return fields.eventSource
        case .eventName: return fields.eventName
        case .eventTime: return fields.eventTime
        case .eventID: return fields.eventID
        case .awsRegion: return fields.awsRegion
        case .sourceIPAddress: return fields.sourceIPAddress
        case .recipientAccountId: return fields.recipientAccountId
        case .errorCode: return fields.errorCode
        case .errorMessage: return fields.errorMessage
        case .userIdentity: return fields.userIdentity
        }
    }

    /// Stores the range for this key.
    func set(_ range: Range<Int>, in fields: inout RecordKeyFields) {
        switch self {
        case .eventSource: fields.eventSource = range
        case .eventName: fields.eventName = range
        case .eventTime: fields.eventTime = range
        case .eventID: fields.eventID = range
        case .awsRegion: fields.awsRegion = range
        case .sourceIPAddress: fields.sourceIPAddress = range
        case .recipientAccountId: fields.recipientAccountId = range
        case .errorCode: fields.errorCode = range
        case .errorMessage: fields.errorMessage = range
        case .userIdentity: fields.userIdentity = range
        }
    }
}
