import Glibc

/// The top-level CloudTrail keys framing locates.
enum RecordKey: CaseIterable {
    case eventSource, eventName, eventTime, eventID, awsRegion, sourceIPAddress, recipientAccountId
    case errorCode, errorMessage, userIdentity, requestParameters

    /// Keys every CloudTrail record has as strings: any other type there makes the record's
    /// fields unknown, so it goes to the full parser (which reports it).
    var isRequired: Bool {
        self == .eventSource || self == .eventName || self == .eventTime || self == .eventID
    }

    /// The key `candidate` spells, if any. A switch on the length and comparisons against static
    /// spellings, with no table: this runs for every top-level key of every record, and a
    /// dictionary or array of arrays here cost hashing and reference counting on each call.
    static func matching(_ candidate: UnsafeBufferPointer<UInt8>) -> RecordKey? {
        guard let base = candidate.baseAddress else { return nil }
        func spells(_ spelling: StaticString) -> Bool {
            spelling.utf8CodeUnitCount == candidate.count && memcmp(spelling.utf8Start, base, candidate.count) == 0
        }
        switch candidate.count {
        case 7: return spells("eventID") ? .eventID : nil
        case 9:
            if spells("eventName") { return .eventName }
            if spells("eventTime") { return .eventTime }
            if spells("awsRegion") { return .awsRegion }
            return spells("errorCode") ? .errorCode : nil
        case 11: return spells("eventSource") ? .eventSource : nil
        case 12:
            if spells("userIdentity") { return .userIdentity }
            return spells("errorMessage") ? .errorMessage : nil
        case 15: return spells("sourceIPAddress") ? .sourceIPAddress : nil
        case 17: return spells("requestParameters") ? .requestParameters : nil
        case 18: return spells("recipientAccountId") ? .recipientAccountId : nil
        default: return nil
        }
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
        case .requestParameters: return fields.requestParameters
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
        case .requestParameters: fields.requestParameters = range
        }
    }
}
