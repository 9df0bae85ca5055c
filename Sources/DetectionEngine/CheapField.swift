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
    /// `user_agent.name`: uap-core's name for `userAgent`, as the mapper's parser gives it (cached
    /// by string, see ``UserAgentNames``); absent without uap-core, as in the mapped document.
    case userAgentName
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
    /// `user.id`: the identity's `principalId`, else `onBehalfOf.userId`; absent for services.
    /// (`user.id: *\:i-*` picks EC2 instance sessions out of every GetCallerIdentity call.)
    case userID
    /// `aws.cloudtrail.user_identity.principal_id`: `userIdentity.principalId`.
    case principalID
    /// `aws.cloudtrail.resources.arn`, one value per resource: read for new-terms values only.
    case resourceARNs
    /// A top-level leaf of `aws.cloudtrail.flattened.request_parameters` (`withDecryption`,
    /// `serialNumber`, …): a string or boolean member of `requestParameters`, when the mapper
    /// keeps the flattened copy.
    case requestParameter(String)
    /// A field the mapper copies verbatim from strings of the record (flattened payload leaves,
    /// `user.id`, TLS host names, …) whose value is not read from bytes: unknown, but a test on it
    /// fails when the record never spells the test's text (see ``RecordFields/mayContain(_:atSlot:)``).
    case verbatim(String)
    /// GeoIP and ASN enrichment (`source.as.*`, `source.geo.*`): absent without databases,
    /// unknown with them (a lookup, not the record's bytes, gives the values).
    case enrichment
    /// A text member of `source.geo` or `source.as` (``GeoIPKeywords/paths``): with databases,
    /// looked up by `source.ip` through a per-address cache; absent without them.
    case geoIPText(String)

    /// The field of a rule query, exactly as rules spell it.
    init?(path: String) {
        if let field = Self.byPath[path] {
            self = field
        } else if path.hasPrefix(Self.requestParametersPrefix) {
            let name = path.dropFirst(Self.requestParametersPrefix.count)
            guard !name.isEmpty, !name.contains(".") else { return nil }
            self = .requestParameter(String(name))
        } else if GeoIPKeywords.paths.contains(path) {
            self = .geoIPText(path)
        } else if path.hasPrefix("source.as.") || path.hasPrefix("source.geo.") {
            self = .enrichment
        } else if path.hasPrefix("aws.cloudtrail.flattened.") || Self.verbatimPaths.contains(path) {
            self = .verbatim(path)
        } else {
            return nil
        }
    }

    private static let verbatimPaths: Set<String> = [
        "event.id", "tls.client.server_name",
    ]

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
        "user_agent.name": .userAgentName,
        "aws.cloudtrail.user_identity.type": .identityType,
        "aws.cloudtrail.user_identity.arn": .identityARN,
        "aws.cloudtrail.user_identity.access_key_id": .accessKeyID,
        "aws.cloudtrail.user_identity.invoked_by": .invokedBy,
        "aws.cloudtrail.user_identity.session_context.session_issuer.arn": .sessionIssuerARN,
        "user.name": .userName,
        "cloud.account.id": .accountID,
        "user.id": .userID,
        "aws.cloudtrail.user_identity.principal_id": .principalID,
        "aws.cloudtrail.resources.arn": .resourceARNs,
    ]

    /// Whether every keyword of the field is a string of the record copied as is (or a JSON
    /// boolean, spelled as written), so the record's bytes contain it when they hold no escapes.
    var isVerbatim: Bool {
        switch self {
        case .dataset, .outcome, .enrichment, .geoIPText, .userAgentName: false
        default: true
        }
    }

    /// The mapped path of the field, for tests and descriptions.
    var path: String {
        switch self {
        case .requestParameter(let name): return Self.requestParametersPrefix + name
        case .enrichment: return "source.as.number"
        case .verbatim(let path), .geoIPText(let path): return path
        default: return Self.byPath.first { $0.value == self }?.key ?? ""
        }
    }

    /// How much reading the field costs, so queries test cheap fields first: framing located the
    /// first ones, and usually the next (or a byte search settles them); identity fields need a
    /// walk over `userIdentity`, the rest a walk over the record's top level or deeper.
    var cost: Int {
        switch self {
        case .provider, .action, .dataset, .enrichment: 0
        case .outcome, .errorCode, .sourceAddress, .sourceIP: 1
        case .identityType, .identityARN, .accessKeyID, .invokedBy, .accountID, .userID, .principalID: 2
        case .userAgent, .resourceARNs, .requestParameter: 3
        case .sessionIssuerARN, .userName, .userAgentName, .geoIPText: 4
        case .verbatim: 5
        }
    }
}
