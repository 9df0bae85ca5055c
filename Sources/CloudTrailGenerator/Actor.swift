/// A caller as CloudTrail records it: the `userIdentity` block plus how that caller connects
/// (client software and network address), which real callers keep stable over time.
struct Actor: Sendable {
    enum Kind: String, Sendable {
        case iamUser = "IAMUser"
        case assumedRole = "AssumedRole"
        case awsService = "AWSService"
        case root = "Root"
        case federatedUser = "FederatedUser"
        case identityCenterUser = "IdentityCenterUser"
    }

    var kind: Kind
    var accountID: String
    var arn: String
    var principalID: String
    /// Long-term key (`AKIA…`) for IAM users on the command line; empty for roles, whose
    /// temporary `ASIA…` key is derived per session hour.
    var accessKeyID: String
    var userName: String?
    /// Role (or, for federated users, IAM user) that issued the session.
    var issuerArn: String?
    var issuerPrincipalID: String?
    var issuerName: String?
    var issuerType: String = "Role"
    var mfa = false
    /// EC2 instance-profile credentials carry `ec2RoleDelivery`.
    var ec2RoleDelivery = false
    /// Service that made the call on the caller's behalf (`AWSService` callers, console calls).
    var invokedBy: String?
    var identityStoreArn: String?
    var client: ClientProfile
    /// Where requests come from: an IP address, a service host name, or `AWS Internal`.
    var sourceIP: String
    /// Console sessions mark their calls with `sessionCredentialFromConsole`.
    var console = false

    /// The session name (last ARN segment) for sessions; the user name otherwise.
    var sessionName: String {
        if let slash = arn.lastIndex(of: "/") { return String(arn[arn.index(after: slash)...]) }
        return userName ?? ""
    }
}

extension Actor {
    /// Start of the credential session in effect at `time`. Role sessions are refreshed hourly,
    /// each actor at its own minute, so `creationDate` and the `ASIA` key change together.
    func sessionStart(at time: Int64) -> Int64 {
        let offset = Int64(Self.hash(principalID) % 3600)
        return (time - offset) / 3600 * 3600 + offset
    }

    /// The access key in use at `time`.
    func accessKey(at time: Int64) -> String {
        if !accessKeyID.isEmpty { return accessKeyID }
        let mixed = Self.hash(principalID) ^ UInt64(bitPattern: sessionStart(at: time)) &* 0x9E37_79B9_7F4A_7C15
        return "ASIA" + Self.base32(mixed, count: 16)
    }

    /// Writes the `userIdentity` object for a call made at `time`.
    func writeIdentity(into json: inout JSONBuffer, at time: Int64) {
        json.key("userIdentity")
        json.object { j in
            j.field("type", kind.rawValue)
            switch kind {
            case .awsService:
                j.field("invokedBy", invokedBy ?? "")
            case .identityCenterUser:
                j.field("arn", "")
                j.field("accountId", accountID)
                j.field("accessKeyId", "")
                j.key("onBehalfOf")
                j.object { o in
                    o.field("userId", principalID)
                    o.field("identityStoreArn", identityStoreArn ?? "")
                }
                let credentialSeed = Self.hash(principalID) &+ UInt64(bitPattern: time / 28_800)
                j.field("credentialId", Self.base32(credentialSeed, count: 24))
            case .iamUser, .root:
                j.field("principalId", principalID)
                j.field("arn", arn)
                j.field("accountId", accountID)
                j.field("accessKeyId", accessKey(at: time))
                j.field("userName", userName)
                if console || mfa {
                    writeSession(into: &j, at: time, issuer: false)
                }
                j.field("invokedBy", invokedBy)
            case .assumedRole, .federatedUser:
                j.field("principalId", principalID)
                j.field("arn", arn)
                j.field("accountId", accountID)
                j.field("accessKeyId", accessKey(at: time))
                writeSession(into: &j, at: time, issuer: true)
                j.field("invokedBy", invokedBy)
            }
        }
    }

    private func writeSession(into json: inout JSONBuffer, at time: Int64, issuer: Bool) {
        json.key("sessionContext")
        json.object { s in
            if issuer, let issuerArn {
                s.key("sessionIssuer")
                s.object { i in
                    i.field("type", issuerType)
                    i.field("principalId", issuerPrincipalID ?? "")
                    i.field("arn", issuerArn)
                    i.field("accountId", accountID)
                    i.field("userName", issuerName ?? "")
                }
            }
            s.key("attributes")
            s.object { a in
                a.field("creationDate", UTCTime.iso8601(sessionStart(at: time)))
                a.field("mfaAuthenticated", mfa ? "true" : "false")
            }
            if ec2RoleDelivery { s.field("ec2RoleDelivery", "2.0") }
        }
    }

    /// FNV-1a; stable across runs and platforms, unlike `Hasher`.
    static func hash(_ text: String) -> UInt64 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return value
    }

    private static let base32Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    static func base32(_ seed: UInt64, count: Int) -> String {
        var state = seed
        var bytes = [UInt8](repeating: 0, count: count)
        for index in 0..<count {
            state = (state ^ (state >> 29)) &* 0xBF58_476D_1CE4_E5B9 &+ 0x9E37_79B9
            bytes[index] = base32Alphabet[Int(state >> 59)]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
