import TrailTriageJSON

extension ECSMapper {
    /// `userIdentity` (spec §3.2) and the actor fields derived from it (spec §3.3).
    func mapUserIdentity(_ raw: JSONValue?, into context: inout MappingContext) {
        guard let identity = context.object(raw, field: "userIdentity") else { return }
        let target = "aws.cloudtrail.user_identity."

        let type = context.text(identity["type"], field: "userIdentity.type")
        if let type { context.fields.set(target + "type", string: type) }
        context.copy(identity["arn"], field: "userIdentity.arn", to: target + "arn")
        context.copy(identity["accountId"], field: "userIdentity.accountId", to: "cloud.account.id")
        context.copy(identity["accessKeyId"], field: "userIdentity.accessKeyId", to: target + "access_key_id")
        let principalID = context.scalar(identity["principalId"], field: "userIdentity.principalId")
        if let principalID { context.fields.set(target + "principal_id", principalID) }
        let userName = context.text(identity["userName"], field: "userIdentity.userName")
        let invokedBy = context.text(identity["invokedBy"], field: "userIdentity.invokedBy")
        if let invokedBy { context.fields.set(target + "invoked_by", string: invokedBy) }
        context.copy(identity["credentialId"], field: "userIdentity.credentialId", to: target + "credential_id")
        context.copy(
            identity["identityProvider"], field: "userIdentity.identityProvider", to: target + "identity_provider")

        if let delegate = context.object(identity["invokedByDelegate"], field: "userIdentity.invokedByDelegate") {
            context.copy(
                delegate["accountId"], field: "userIdentity.invokedByDelegate.accountId",
                to: target + "invoked_by_delegate.account_id")
        }
        var onBehalfOfUserID: JSONValue?
        if let onBehalfOf = context.object(identity["onBehalfOf"], field: "userIdentity.onBehalfOf") {
            onBehalfOfUserID = context.scalar(onBehalfOf["userId"], field: "userIdentity.onBehalfOf.userId")
            if let onBehalfOfUserID { context.fields.set(target + "on_behalf_of.user_id", onBehalfOfUserID) }
            context.copy(
                onBehalfOf["identityStoreArn"], field: "userIdentity.onBehalfOf.identityStoreArn",
                to: target + "on_behalf_of.identity_store_arn")
        }
        if let scope = context.object(identity["inScopeOf"], field: "userIdentity.inScopeOf") {
            let field = "userIdentity.inScopeOf."
            context.copy(scope["issuerType"], field: field + "issuerType", to: target + "in_scope_of.issuer_type")
            context.copy(
                scope["credentialsIssuedTo"], field: field + "credentialsIssuedTo",
                to: target + "in_scope_of.credentials_issued_to")
            context.copy(scope["sourceArn"], field: field + "sourceArn", to: target + "in_scope_of.source_arn")
            context.copy(
                scope["sourceAccount"], field: field + "sourceAccount", to: target + "in_scope_of.source_account")
        }

        let issuer = mapSessionContext(identity["sessionContext"], into: &context)

        // Spec §3.3: who acted. Service callers and service-linked role sessions are services,
        // named in service.name. A service-linked role session still gets user.name (the role)
        // and user.id, as Elastic's pipeline gives them, so that rules answer as they do there.
        let isServiceLinkedRole =
            type == "AssumedRole"
            && (issuer.arn?.contains(":role/aws-service-role/") ?? false)
        if type == "AWSService" || isServiceLinkedRole {
            if let service = invokedBy ?? issuer.arn.flatMap(Self.serviceFromServiceRoleARN) {
                context.fields.set("service.name", string: service)
            }
            if type == "AWSService" { return }
        }
        var name = userName
        if type == "AssumedRole" || type == "FederatedUser", let issuerName = issuer.userName {
            // The role (or federating user) name; the session name is in the ARN and user.id.
            name = issuerName
        }
        if let name { context.fields.set("user.name", string: name) }
        // Deliberate choice (spec §3.3): user.id is principalId, never an ARN, so that
        // `user.id: *\:i-*` finds EC2 instance-profile sessions.
        if let userID = principalID ?? onBehalfOfUserID {
            context.fields.set("user.id", userID)
        }
    }

    /// What the actor mapping needs from `sessionContext.sessionIssuer`.
    struct SessionIssuer {
        var arn: String?
        var userName: String?
    }

    /// `userIdentity.sessionContext` (spec §3.2).
    private func mapSessionContext(_ raw: JSONValue?, into context: inout MappingContext) -> SessionIssuer {
        var issuer = SessionIssuer()
        let field = "userIdentity.sessionContext."
        guard let session = context.object(raw, field: "userIdentity.sessionContext") else { return issuer }
        let target = "aws.cloudtrail.user_identity.session_context."

        if let attributes = context.object(session["attributes"], field: field + "attributes") {
            // Elastic keeps mfaAuthenticated as the keyword "true"/"false", not a boolean.
            context.copyText(
                attributes["mfaAuthenticated"], field: field + "attributes.mfaAuthenticated",
                to: target + "mfa_authenticated")
            if let created = context.text(attributes["creationDate"], field: field + "attributes.creationDate") {
                if let milliseconds = ECSTimestamp.parse(created) {
                    context.fields.set(
                        target + "creation_date", string: ECSTimestamp.format(milliseconds: milliseconds))
                } else {
                    context.warnings.append(
                        """
                        \(field)attributes.creationDate \"\(created)\" is not a valid ISO 8601 time; \
                        session_context.creation_date was left out.
                        """
                    )
                }
            }
        }
        if let sessionIssuer = context.object(session["sessionIssuer"], field: field + "sessionIssuer") {
            let issuerField = field + "sessionIssuer."
            context.copy(sessionIssuer["type"], field: issuerField + "type", to: target + "session_issuer.type")
            context.copy(
                sessionIssuer["principalId"], field: issuerField + "principalId",
                to: target + "session_issuer.principal_id")
            issuer.arn = context.text(sessionIssuer["arn"], field: issuerField + "arn")
            if let arn = issuer.arn { context.fields.set(target + "session_issuer.arn", string: arn) }
            context.copy(
                sessionIssuer["accountId"], field: issuerField + "accountId", to: target + "session_issuer.account_id")
            issuer.userName = context.text(sessionIssuer["userName"], field: issuerField + "userName")
        }
        context.copy(session["ec2RoleDelivery"], field: field + "ec2RoleDelivery", to: target + "ec2_role_delivery")
        context.copy(session["sourceIdentity"], field: field + "sourceIdentity", to: target + "source_identity")
        context.copy(session["assumedRoot"], field: field + "assumedRoot", to: target + "assumed_root")
        context.copy(session["signInSessionArn"], field: field + "signInSessionArn", to: target + "sign_in_session_arn")
        if let federation = context.object(session["webIdFederationData"], field: field + "webIdFederationData") {
            context.copy(
                federation["federatedProvider"], field: field + "webIdFederationData.federatedProvider",
                to: target + "web_id_federation_data.federated_provider")
            if let attributes = context.object(
                federation["attributes"], field: field + "webIdFederationData.attributes")
            {
                // Claim names such as "accounts.google.com:aud" contain dots; nest them so the
                // document keeps one canonical form.
                context.fields.set(
                    target + "web_id_federation_data.attributes",
                    FlattenedPayload.expandingDottedKeys(.object(attributes))
                )
            }
        }
        return issuer
    }

    /// `elasticloadbalancing.amazonaws.com` from
    /// `arn:aws:iam::123456789012:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForELB`.
    static func serviceFromServiceRoleARN(_ arn: String) -> String? {
        let marker = ":role/aws-service-role/"
        guard let range = arn.firstRange(of: marker) else { return nil }
        let rest = arn[range.upperBound...]
        let service = rest.prefix { $0 != "/" }
        return service.isEmpty ? nil : String(service)
    }
}
