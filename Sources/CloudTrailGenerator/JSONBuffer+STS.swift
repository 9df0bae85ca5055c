/// Members of STS responses that several calls (`AssumeRole`, `GetFederationToken`) share.
extension JSONBuffer {
    /// The `credentials` member, with the session token redacted as CloudTrail records it.
    mutating func stsCredentials(accessKeyID: String, expiration: String) {
        key("credentials")
        object { credentials in
            credentials.field("accessKeyId", accessKeyID)
            credentials.field("sessionToken", "HIDDEN_DUE_TO_SECURITY_REASONS")
            credentials.field("expiration", expiration)
        }
    }

    /// The `assumedRoleUser` member of an `AssumeRole` response.
    mutating func assumedRoleUser(id: String, arn: String) {
        key("assumedRoleUser")
        object { user in
            user.field("assumedRoleId", id)
            user.field("arn", arn)
        }
    }
}
