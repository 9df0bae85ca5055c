import Foundation

/// Whether an actor that matched an `*i-*` ARN pattern really is an EC2 instance session.
///
/// The Create User rule's `aws.cloudtrail.user_identity.arn: *i-*` also matches role names that
/// merely contain `i-` (`api-deployer`, `multi-az`), so the session name decides.
public struct InstanceSessionCheck: Sendable, Hashable {
    /// The session name that was checked, e.g. `i-0a1b2c3d4e5f60718` or `build-42`.
    public var sessionName: String
    /// Whether `sessionName` has the shape of an EC2 instance id.
    public var isInstanceID: Bool
    /// A one-line explanation when the shape is a known false positive; `nil` otherwise.
    public var explanation: String?

    /// `nil` when the actor has no ARN containing `i-` or no session name to check.
    public init?(actor: ActorSummary) {
        guard let arn = actor.arn, arn.contains("i-"), let session = actor.sessionName else { return nil }
        sessionName = session
        isInstanceID = Self.isInstanceID(session)
        if isInstanceID {
            explanation = nil
        } else {
            let role = Self.roleName(in: arn)
            let culprit = role.map { $0.contains("i-") ? " (it matched through the role name \"\($0)\")" : "" } ?? ""
            explanation =
                "session name \"\(session)\" is not an EC2 instance id; the ARN matched *i-* elsewhere\(culprit)"
        }
    }

    /// Instance ids are `i-` followed by 8 (older) or 17 hexadecimal digits. Case is not
    /// significant: ids are lower case in AWS output but are compared case-insensitively, and
    /// hand-written sessions sometimes capitalise them.
    public static func isInstanceID(_ name: String) -> Bool {
        guard name.hasPrefix("i-") else { return false }
        let digits = name.utf8.dropFirst(2)
        guard digits.count == 8 || digits.count == 17 else { return false }
        return digits.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        }
    }

    /// `<role>` in `arn:aws:sts::<account>:assumed-role/<role>/<session>`.
    static func roleName(in arn: String) -> String? {
        guard let range = arn.range(of: ":assumed-role/") else { return nil }
        let rest = arn[range.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        return String(rest[..<slash])
    }
}
