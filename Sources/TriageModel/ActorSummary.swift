import ECSMapping
// Foundation for its `contains`, which finds text scalar by scalar; the standard library's
// compares Characters and misses a match followed by a combining mark.
import Foundation

/// Who made the call, as the detail pane and the export show it.
public struct ActorSummary: Sendable, Hashable {
    /// `aws.cloudtrail.user_identity.arn`.
    public var arn: String?
    /// `aws.cloudtrail.user_identity.type`, e.g. `AssumedRole`.
    public var identityType: String?
    /// `aws.cloudtrail.user_identity.access_key_id`.
    public var accessKeyID: String?
    /// `aws.cloudtrail.user_identity.session_context.session_issuer.arn`: the role behind a session.
    public var sessionIssuerARN: String?
    /// `aws.cloudtrail.user_identity.session_context.mfa_authenticated`, logged as the text
    /// `"true"`/`"false"`.
    public var mfaAuthenticated: String?
    /// `user.id`: the principal id, `<role-id>:<session-name>` for assumed roles.
    public var userID: String?
    /// `aws.cloudtrail.user_identity.principal_id`.
    public var principalID: String?
    /// `user.name`: the IAM user, or the role name for assumed roles.
    public var userName: String?
    /// `aws.cloudtrail.user_identity.invoked_by`: the AWS service that made the call
    /// (`ec2.amazonaws.com`), the only name an `AWSService` caller has.
    public var invokedBy: String?

    public init(
        arn: String? = nil, identityType: String? = nil, accessKeyID: String? = nil,
        sessionIssuerARN: String? = nil, mfaAuthenticated: String? = nil, userID: String? = nil,
        principalID: String? = nil, userName: String? = nil, invokedBy: String? = nil
    ) {
        self.arn = arn
        self.identityType = identityType
        self.accessKeyID = accessKeyID
        self.sessionIssuerARN = sessionIssuerARN
        self.mfaAuthenticated = mfaAuthenticated
        self.userID = userID
        self.principalID = principalID
        self.userName = userName
        self.invokedBy = invokedBy
    }

    /// Reads the actor fields of an event.
    public init(document: ECSDocument) {
        let identity = "aws.cloudtrail.user_identity."
        self.init(
            arn: document.string(at: identity + "arn"),
            identityType: document.string(at: identity + "type"),
            accessKeyID: document.string(at: identity + "access_key_id"),
            sessionIssuerARN: document.string(at: identity + "session_context.session_issuer.arn"),
            mfaAuthenticated: document.keywordValues(at: identity + "session_context.mfa_authenticated").first,
            userID: document.string(at: "user.id"),
            principalID: document.string(at: identity + "principal_id"),
            userName: document.string(at: "user.name"),
            invokedBy: document.string(at: identity + "invoked_by")
        )
    }

    /// The session name of an assumed role: the last ARN segment of
    /// `arn:aws:sts::<account>:assumed-role/<role>/<session>`, else the part of `user.id` (or the
    /// principal id) after the `:`.
    public var sessionName: String? {
        if let arn, arn.contains(":assumed-role/"), let slash = arn.lastIndex(of: "/") {
            let name = arn[arn.index(after: slash)...]
            if !name.isEmpty { return String(name) }
        }
        for id in [userID, principalID] {
            if let id, let colon = id.firstIndex(of: ":") {
                let name = id[id.index(after: colon)...]
                if !name.isEmpty { return String(name) }
            }
        }
        return nil
    }

    /// The check for the known false-positive shape of `*i-*` ARN patterns.
    public var instanceSessionCheck: InstanceSessionCheck? { InstanceSessionCheck(actor: self) }
}
