import TrailTriageJSON

/// The top-level members of one CloudTrail record that the mapping reads, picked out in a single
/// pass over the object (records have ~25 keys; repeated linear lookups would cost more).
///
/// Values are raw: empty-value pruning happens per field, because the `Map.toString()` texts need
/// the unpruned objects (their size decides Java's key order, spec §7).
struct RawRecord {
    var eventVersion: JSONValue?
    var userIdentity: JSONValue?
    var eventTime: JSONValue?
    var eventSource: JSONValue?
    var eventName: JSONValue?
    var eventID: JSONValue?
    var eventType: JSONValue?
    var eventCategory: JSONValue?
    var awsRegion: JSONValue?
    var sourceIPAddress: JSONValue?
    var userAgent: JSONValue?
    var errorCode: JSONValue?
    var errorMessage: JSONValue?
    var requestParameters: JSONValue?
    var responseElements: JSONValue?
    var additionalEventData: JSONValue?
    var serviceEventDetails: JSONValue?
    var requestID: JSONValue?
    var apiVersion: JSONValue?
    var readOnly: JSONValue?
    var managementEvent: JSONValue?
    var recipientAccountId: JSONValue?
    var sharedEventID: JSONValue?
    var vpcEndpointId: JSONValue?
    var vpcEndpointAccountId: JSONValue?
    var sessionCredentialFromConsole: JSONValue?
    var addendum: JSONValue?
    var resources: JSONValue?
    var tlsDetails: JSONValue?
    var insightDetails: JSONValue?
    var digestEndTime: JSONValue?
    /// Members of a digest file other than the ones mapped to ECS fields (spec §3.6).
    var digestRest: [JSONMember] = []
    var awsAccountId: JSONValue?
    var digestS3Object: JSONValue?
    /// Whether the object has a `Records` array (an unsplit log file) or an EventBridge `detail`.
    var looksLikeEnvelope = false

    init(_ object: JSONObject) {
        for member in object.members {
            let value = member.value
            switch member.key {
            case "eventVersion": eventVersion = value
            case "userIdentity": userIdentity = value
            case "eventTime": eventTime = value
            case "eventSource": eventSource = value
            case "eventName": eventName = value
            case "eventID": eventID = value
            case "eventType": eventType = value
            case "eventCategory": eventCategory = value
            case "awsRegion": awsRegion = value
            case "sourceIPAddress": sourceIPAddress = value
            case "userAgent": userAgent = value
            case "errorCode": errorCode = value
            case "errorMessage": errorMessage = value
            case "requestParameters": requestParameters = value
            case "responseElements": responseElements = value
            case "additionalEventData": additionalEventData = value
            case "serviceEventDetails": serviceEventDetails = value
            case "requestID": requestID = value
            case "apiVersion": apiVersion = value
            case "readOnly": readOnly = value
            case "managementEvent": managementEvent = value
            case "recipientAccountId": recipientAccountId = value
            case "sharedEventID", "sharedEventId": sharedEventID = sharedEventID ?? value
            case "vpcEndpointId": vpcEndpointId = value
            case "vpcEndpointAccountId": vpcEndpointAccountId = value
            case "sessionCredentialFromConsole": sessionCredentialFromConsole = value
            case "addendum": addendum = value
            case "resources": resources = value
            case "tlsDetails": tlsDetails = value
            case "insightDetails": insightDetails = value
            case "digestEndTime": digestEndTime = value
            case "awsAccountId": awsAccountId = value
            case "digestS3Object": digestS3Object = value
            case "Records", "detail", "detail-type": looksLikeEnvelope = true
            default:
                // Unknown keys are dropped (they survive in event.original); digest keys are kept
                // aside in case this turns out to be a digest file.
                if member.key.hasPrefix("digest") || Self.otherDigestKeys.contains(member.key) {
                    digestRest.append(member)
                }
            }
        }
    }

    /// Digest-file keys that do not start with `digest`.
    private static let otherDigestKeys: Set<String> = [
        "newestEventTime", "oldestEventTime", "previousDigestS3Bucket", "previousDigestS3Object",
        "previousDigestHashValue", "previousDigestHashAlgorithm", "previousDigestSignature",
        "logFiles",
    ]

    /// A digest file: no `eventTime`, but a `digestEndTime`.
    var isDigest: Bool {
        (eventTime == nil || eventTime == .null) && digestEndTime != nil && digestEndTime != .null
    }
}
