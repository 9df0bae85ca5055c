/// ECS fields whose value a rule test can read straight from a record's bytes, exactly as the
/// mapper would set it, without parsing the record into a tree.
///
/// Each case says how its value is derived (see ``RecordFields``). The raw value is used only when
/// it is a plain ASCII string, `null`, or absent; anything else (escapes, numbers, objects,
/// non-ASCII text, repeated keys) makes the field unknown, and the record is then mapped in full.
enum CheapField: Hashable {
    /// `eventSource`, located while framing.
    case provider
    /// `eventName`, located while framing.
    case action
    /// `aws.cloudtrail` for every mapped record.
    case dataset
    /// `failure` when `errorCode` or `errorMessage` holds a value, else `success`; unknown for
    /// ConsoleLogin, whose response decides.
    case outcome
    /// `errorCode`.
    case errorCode
    /// `sourceIPAddress`, always.
    case sourceAddress
    /// `sourceIPAddress` when it is an IP address.
    case sourceIP
    /// `userAgent`.
    case userAgent
    /// `userIdentity.type`.
    case identityType
    /// `userIdentity.arn`.
    case identityARN
    /// `userIdentity.accessKeyId`.
    case accessKeyID
    /// `userIdentity.invokedBy`.
    case invokedBy
    /// `userIdentity.sessionContext.sessionIssuer.arn`.
    case sessionIssuerARN
    /// `user.name`: the identity's `userName`, or for roles and federated users their session
    /// issuer's; absent for services (unknown for UserAuthentication, named in its details).
    case userName
    /// `cloud.account.id`: `userIdentity.accountId`, else `recipientAccountId`.
    case accountID
    /// `aws.cloudtrail.resources.arn`, one value per resource: read for new-terms values only.
    case resourceARNs
    /// A top-level leaf of `aws.cloudtrail.flattened.request_parameters` (`withDecryption`,
    /// `serialNumber`, …): a string or boolean member of `requestParameters`, when the mapper
    /// keeps the flattened copy.
    case requestParameter(String)
    /// GeoIP and ASN enrichment (`source.as.*`, `source.geo.*`), which the mapper never adds:
    /// always absent.
    case enrichment

    /// The field of a rule query, exactly as rules spell it.
    init?(path: String) {
        if let field = Self.byPath[path] {
            self = field
        } else if path.hasPrefix(Self.requestParametersPrefix) {
            let name = path.dropFirst(Self.requestParametersPrefix.count)
            guard !name.isEmpty, !name.contains(".") else { return nil }
            self = .requestParameter(String(name))
        } else if path.hasPrefix("source.as.") || path.hasPrefix("source.geo.") {
            self = .enrichment
        } else {
            return nil
        }
    }

    private static let requestParametersPrefix = "aws.cloudtrail.flattened.request_parameters."

    private static let byPath: [String: CheapField] = [
        "event.provider": .provider,
        "event.action": .action,
        "data_stream.dataset": .dataset,
        "event.dataset": .dataset,
        "event.outcome": .outcome,
        "aws.cloudtrail.error_code": .errorCode,
        "source.address": .sourceAddress,
        "source.ip": .sourceIP,
        "user_agent.original": .userAgent,
        "aws.cloudtrail.user_identity.type": .identityType,
        "aws.cloudtrail.user_identity.arn": .identityARN,
        "aws.cloudtrail.user_identity.access_key_id": .accessKeyID,
        "aws.cloudtrail.user_identity.invoked_by": .invokedBy,
        "aws.cloudtrail.user_identity.session_context.session_issuer.arn": .sessionIssuerARN,
        "user.name": .userName,
        "cloud.account.id": .accountID,
        "aws.cloudtrail.resources.arn": .resourceARNs,
    ]

    /// The mapped path of the field, for tests and descriptions.
    var path: String {
        switch self {
        case .requestParameter(let name): return Self.requestParametersPrefix + name
        case .enrichment: return "source.as.number"
        default: return Self.byPath.first { $0.value == self }?.key ?? ""
        }
    }

    /// How much reading the field costs, so queries test cheap fields first: framing already
    /// located the first ones; the next need one walk over the record's top level, and the
    /// identity fields a walk over `userIdentity` as well.
    var cost: Int {
        switch self {
        case .provider, .action, .dataset, .enrichment: 0
        case .outcome, .errorCode, .sourceAddress, .sourceIP, .userAgent, .resourceARNs: 1
        case .identityType, .identityARN, .accessKeyID, .invokedBy, .accountID, .requestParameter: 2
        case .sessionIssuerARN, .userName: 3
        }
    }
}
