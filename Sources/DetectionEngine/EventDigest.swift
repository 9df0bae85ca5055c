import ECSMapping

/// The few fields of one event that related-activity views need.
///
/// A console holding half a million events keeps these instead of documents. They are read
/// straight from the record's bytes when the record is plain; otherwise (escaped strings, odd
/// types, or the few actions whose details a view needs) from the mapped document, which then
/// rides along in `document`.
public struct EventDigest: Sendable {
    /// `@timestamp`, epoch milliseconds.
    public var time: Int64
    /// CloudTrail `eventID`; empty when the record had none.
    public var eventID: String
    /// `event.provider` (CloudTrail `eventSource`).
    public var provider: String
    /// `event.action` (CloudTrail `eventName`).
    public var action: String
    /// `event.outcome`: `success` or `failure`.
    public var outcome: String
    /// `aws.cloudtrail.user_identity.arn`.
    public var actorARN: String
    /// `aws.cloudtrail.user_identity.access_key_id`.
    public var accessKeyID: String
    /// The principal id (`<role-id>:<session>` for sessions).
    public var sessionID: String
    /// `cloud.account.id`.
    public var account: String
    /// `cloud.region`.
    public var region: String
    /// `source.address`.
    public var source: String
    /// The mapped document, for events summarised from it (see the type's description).
    public var document: ECSDocument?

    public init(
        time: Int64, eventID: String, provider: String, action: String, outcome: String,
        actorARN: String, accessKeyID: String, sessionID: String, account: String, region: String,
        source: String, document: ECSDocument? = nil
    ) {
        self.time = time
        self.eventID = eventID
        self.provider = provider
        self.action = action
        self.outcome = outcome
        self.actorARN = actorARN
        self.accessKeyID = accessKeyID
        self.sessionID = sessionID
        self.account = account
        self.region = region
        self.source = source
        self.document = document
    }

    /// The digest of a mapped document.
    public init(document: ECSDocument) {
        let identity = "aws.cloudtrail.user_identity."
        self.init(
            time: document.timestampMilliseconds,
            eventID: document.eventID ?? "",
            provider: document.string(at: "event.provider") ?? "",
            action: document.string(at: "event.action") ?? "",
            outcome: document.string(at: "event.outcome") ?? "",
            actorARN: document.string(at: identity + "arn") ?? "",
            accessKeyID: document.string(at: identity + "access_key_id") ?? "",
            sessionID: document.string(at: identity + "principal_id") ?? document.string(at: "user.id") ?? "",
            account: document.string(at: "cloud.account.id") ?? "",
            region: document.string(at: "cloud.region") ?? "",
            source: document.string(at: "source.address") ?? "",
            document: document
        )
    }
}
