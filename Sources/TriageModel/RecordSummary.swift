import DetectionEngine
import ECSMapping

/// The few fields of one event that related-activity views need, taken from its ECS document.
///
/// The engine makes one per mapped record and hands it to an ``EventIndexBuilder``; the full
/// document is then dropped, which is what lets half a million events fit in memory.
public struct RecordSummary: Sendable, Hashable {
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
    /// Set for CreateTrustAnchor events only.
    public var trustAnchor: TrustAnchorDetails?

    public init(
        time: Int64, eventID: String, provider: String, action: String, outcome: String = "",
        actorARN: String = "", accessKeyID: String = "", sessionID: String = "", account: String = "",
        region: String = "", source: String = "", trustAnchor: TrustAnchorDetails? = nil
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
        self.trustAnchor = trustAnchor
    }

    /// Summarises a mapped event. Missing fields become empty strings, which the index treats
    /// as "no key" (an empty ARN never relates two events).
    public init(document: ECSDocument) {
        self.init(digest: EventDigest(document: document))
    }
}

/// What a CreateTrustAnchor call established.
public struct TrustAnchorDetails: Sendable, Hashable {
    /// `trustAnchor.trustAnchorArn` from the response; empty when the call failed.
    public var arn: String
    /// The anchor's `name`.
    public var name: String
    /// `source.sourceType`: `CERTIFICATE_BUNDLE`, `AWS_ACM_PCA` or `SELF_SIGNED_REPOSITORY`.
    public var sourceType: String
    /// `source.sourceData.acmPcaArn` for private-CA anchors; empty otherwise.
    public var certificateAuthorityARN: String

    public init(arn: String, name: String, sourceType: String, certificateAuthorityARN: String = "") {
        self.arn = arn
        self.name = name
        self.sourceType = sourceType
        self.certificateAuthorityARN = certificateAuthorityARN
    }

    init(document: ECSDocument) {
        let request = KeyParameters.requestPrefix
        let response = KeyParameters.responsePrefix
        self.init(
            arn: document.string(at: response + "trustAnchor.trustAnchorArn") ?? "",
            name: document.string(at: request + "name") ?? document.string(at: response + "trustAnchor.name") ?? "",
            sourceType: document.string(at: request + "source.sourceType")
                ?? document.string(at: response + "trustAnchor.source.sourceType") ?? "",
            certificateAuthorityARN: document.string(at: request + "source.sourceData.acmPcaArn") ?? ""
        )
    }
}
