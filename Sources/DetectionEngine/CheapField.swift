/// ECS fields whose value a rule test can read straight from a record's bytes, exactly as the
/// mapper would set it, without parsing the record into a tree.
///
/// Each case says how its value is derived (see ``RecordFields``). The raw value is used only when
/// it is a plain ASCII string, `null`, or absent; anything else (escapes, numbers, objects,
/// non-ASCII text, repeated keys) makes the field unknown, and the record is then mapped in full.
enum CheapField: Int, CaseIterable {
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

    /// The field of a rule query, exactly as rules spell it.
    init?(path: String) {
        guard let field = Self.byPath[path] else { return nil }
        self = field
    }

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
    ]

    /// How much reading the field costs, so queries test cheap fields first: framing already
    /// located the first three; the next need one walk over the record's top level, and the
    /// identity fields a walk over `userIdentity` as well.
    var cost: Int {
        switch self {
        case .provider, .action, .dataset: 0
        case .outcome, .errorCode, .sourceAddress, .sourceIP, .userAgent: 1
        case .identityType, .identityARN, .accessKeyID, .invokedBy: 2
        }
    }
}
