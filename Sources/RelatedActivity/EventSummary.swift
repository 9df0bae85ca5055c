import ECSMapping

/// The few fields of one event that related-activity views need: the one event summary of
/// the package.
///
/// A scan makes one for every record it reads and hands it to an ``EventAccumulator``: read
/// straight from the record's bytes when the record is plain (see ``RawEventSummary``),
/// otherwise from its mapped document. A console holding half a million events keeps these
/// (interned, in an ``EventIndex``) instead of documents.
public struct EventSummary: Sendable, Hashable {
    /// `@timestamp`, epoch milliseconds.
    public var time: Int64
    /// `event.id` (CloudTrail `eventID`); empty when the record had none.
    public var eventID: String
    /// `event.provider`, e.g. `iam.amazonaws.com`.
    public var provider: String
    /// `event.action`, e.g. `CreateUser`.
    public var action: String
    /// `event.outcome`: `success`, `failure` or `unknown`.
    public var outcome: String
    /// `aws.cloudtrail.user_identity.arn`.
    public var actorARN: String
    /// `aws.cloudtrail.user_identity.access_key_id`.
    public var accessKeyID: String
    /// The principal id (`<role-id>:<session>` for sessions), which ties events of one session.
    public var sessionID: String
    /// `cloud.account.id`.
    public var account: String
    /// `cloud.region`.
    public var region: String
    /// `source.address` (an IP or a service name).
    public var source: String
    /// What the call acted on, as ``RequestTarget`` reads it (a user, role, policy, bucket…);
    /// empty when the request names none.
    public var target: String
    /// Set for CreateTrustAnchor events only.
    public var trustAnchor: TrustAnchorDetails?
    /// The mapped document, kept by a scan only for the actions its accumulator names in
    /// ``EventAccumulator/actionsNeedingDocuments``.
    public var document: ECSDocument?

    public init(
        time: Int64, eventID: String, provider: String, action: String, outcome: String = "",
        actorARN: String = "", accessKeyID: String = "", sessionID: String = "", account: String = "",
        region: String = "", source: String = "", target: String = "", trustAnchor: TrustAnchorDetails? = nil,
        document: ECSDocument? = nil
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
        self.target = target
        self.trustAnchor = trustAnchor
        self.document = document
    }

    /// Summarises a mapped event, keeping the document. Missing fields become empty strings,
    /// which the index treats as "no key" (an empty ARN never relates two events).
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
            target: RequestTarget.target(of: document),
            document: document
        )
    }

    /// The anchor details of a CreateTrustAnchor summary: given, or read from its document.
    var anchorDetails: TrustAnchorDetails? {
        if let trustAnchor { return trustAnchor }
        guard action == "CreateTrustAnchor", let document else { return nil }
        return TrustAnchorDetails(document: document)
    }
}
