/// Constructors for each identity type, producing ids in the shapes IAM uses
/// (`AIDA`/`AROA` + 17 characters, `AKIA` + 16).
extension Actor {
    static func iamUser(
        account: String, name: String, client: ClientProfile, ip: String,
        random: inout RandomSource, console: Bool = false, mfa: Bool = false
    ) -> Actor {
        Actor(
            kind: .iamUser, accountID: account, arn: "arn:aws:iam::\(account):user/\(name)",
            principalID: "AIDA" + random.upperAlphanumeric(17),
            // Console sessions use temporary keys; keys are derived per session when empty.
            accessKeyID: console ? "" : "AKIA" + random.upperAlphanumeric(16),
            userName: name, mfa: mfa, invokedBy: nil, client: client, sourceIP: ip, console: console
        )
    }

    /// A role session `assumed-role/<role>/<session>`. `roleID` is the role's `AROA…` id, shared
    /// by all sessions of the role.
    static func roleSession(
        account: String, role: String, roleID: String, session: String, client: ClientProfile,
        ip: String, ec2: Bool = false, console: Bool = false, mfa: Bool = false, path: String = ""
    ) -> Actor {
        Actor(
            kind: .assumedRole, accountID: account,
            arn: "arn:aws:sts::\(account):assumed-role/\(role)/\(session)",
            principalID: "\(roleID):\(session)", accessKeyID: "", userName: nil,
            issuerArn: "arn:aws:iam::\(account):role/\(path)\(role)", issuerPrincipalID: roleID,
            issuerName: role, mfa: mfa, ec2RoleDelivery: ec2, invokedBy: nil, client: client,
            sourceIP: ip, console: console
        )
    }

    static func service(_ host: String, account: String) -> Actor {
        Actor(
            kind: .awsService, accountID: account, arn: "", principalID: "", accessKeyID: "",
            userName: nil, invokedBy: host, client: .service(host), sourceIP: host
        )
    }

    static func root(account: String, ip: String) -> Actor {
        Actor(
            kind: .root, accountID: account, arn: "arn:aws:iam::\(account):root", principalID: account,
            accessKeyID: "", userName: nil, mfa: true,
            client: .console(browser: ClientProfile.firefox), sourceIP: ip, console: true
        )
    }

    static func federatedUser(
        account: String, name: String, issuerUser: String, issuerID: String, client: ClientProfile, ip: String
    ) -> Actor {
        Actor(
            kind: .federatedUser, accountID: account,
            arn: "arn:aws:sts::\(account):federated-user/\(name)", principalID: "\(account):\(name)",
            accessKeyID: "", userName: nil, issuerArn: "arn:aws:iam::\(account):user/\(issuerUser)",
            issuerPrincipalID: issuerID, issuerName: issuerUser, issuerType: "IAMUser",
            client: client, sourceIP: ip
        )
    }

    static func identityCenterUser(account: String, storeID: String, userID: String, ip: String) -> Actor {
        Actor(
            kind: .identityCenterUser, accountID: account, arn: "", principalID: userID, accessKeyID: "",
            userName: nil, identityStoreArn: "arn:aws:identitystore::\(account):identitystore/\(storeID)",
            client: .console(browser: ClientProfile.chrome), sourceIP: ip
        )
    }
}

extension ClientProfile {
    static let firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0"
    static let chrome =
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
        + "Chrome/130.0.0.0 Safari/537.36"
}
