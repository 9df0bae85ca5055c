import ECSMapping
import TrailTriageJSON

/// What an event acted on, for the related-activity target column: the value of the first of a
/// small fixed set of `requestParameters` members naming a resource (`userName`, `roleName`,
/// `policyArn`, `bucketName`, `instanceId`…).
///
/// Only top-level members holding a plain string count, read the same way from a record's bytes
/// (``locate(in:)``, on every event a console loads, so it looks at nothing else) and from a
/// mapped document (``init(document:)``), so the two summaries agree.
public enum RequestTarget {
    /// The members, most telling first: `PutRolePolicy` names a role and a policy, and the
    /// role is what it changes; `name` is generic (a trail, a profile, a rule) and comes late.
    public static let keys: [String] = [
        "userName", "roleName", "groupName", "policyArn", "roleArn", "bucketName", "instanceId", "functionName",
        "secretId", "keyId", "trailName", "logGroupName", "dBInstanceIdentifier", "snapshotId", "detectorId",
        "topicArn", "stackName", "name", "policyName",
    ]

    static let keyBytes: [[UInt8]] = keys.map { Array($0.utf8) }

    /// ``ECSMapper/targetEventNames`` as bytes.
    static let targetEventNames: [[UInt8]] = ECSMapper.targetEventNames.map { Array($0.utf8) }

    /// Whether the mapper may find this action's target outside the request parameters (in the
    /// response or the resources): a summary read from bytes that found none in the request
    /// must then be read from the document, to agree with ``target(of:)``.
    public static func mayTargetElsewhere(_ action: UnsafeBufferPointer<UInt8>) -> Bool {
        targetEventNames.contains { ByteSearch.equal(action, $0) }
    }

    /// Where the target sits in a `requestParameters` object's bytes (braces included).
    public enum Location: Equatable {
        /// The bytes of the value, between its quotes, relative to the object's first byte.
        case found(Range<Int>)
        /// No member of ``keys`` holds a plain string there.
        case none
        /// A member of ``keys`` needs the full parser (escapes, an escaped or repeated key):
        /// only the mapped document can say what the target is.
        case unreadable
    }

    /// The best-ranked member of ``keys`` in `object`, read from its bytes.
    public static func locate(in object: UnsafeBufferPointer<UInt8>) -> Location {
        var scanner = JSONScanner(bytes: object)
        let reader = scanner
        var best: (rank: Int, value: Range<Int>)?
        var readable = true
        var seen = 0 as UInt64
        do throws(JSONParseError) {
            try scanner.skipObject { key, value in
                guard readable else { return }
                guard let rank = rank(of: key) else {
                    // An escaped key might spell one of ours once decoded.
                    if key.contains(UInt8(ascii: "\\")) { readable = false }
                    return
                }
                // A repeated key: the mapper keeps one of them, and only it knows which.
                guard seen & (1 << UInt64(rank)) == 0 else {
                    readable = false
                    return
                }
                seen |= 1 << UInt64(rank)
                guard object[value.lowerBound] == UInt8(ascii: "\"") else { return }
                guard reader.isPlainString(value) else {
                    readable = false
                    return
                }
                let inner = (value.lowerBound + 1)..<(value.upperBound - 1)
                // The mapper drops placeholder values, so they name no target.
                if EmptyValuePruner.isPlaceholder(UnsafeBufferPointer(rebasing: object[inner])) { return }
                if best.map({ rank < $0.rank }) ?? true { best = (rank, inner) }
            }
        } catch {
            return .unreadable
        }
        guard readable else { return .unreadable }
        return best.map { .found($0.value) } ?? .none
    }

    private static func rank(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        // Every key is 5 to 20 bytes; most members of a request are not ours, so the length
        // check rules them out before any comparison.
        guard key.count >= 4, key.count <= 20 else { return nil }
        return keyBytes.firstIndex { ByteSearch.equal(key, $0) }
    }

    /// The target of a mapped event: the first member of ``keys`` holding a string in its
    /// flattened request parameters, else the pipeline's `entity.target.id` (which a few events
    /// take from the response or the resources list).
    public static func target(of document: ECSDocument) -> String {
        let request = document.values(at: "aws.cloudtrail.flattened.request_parameters").first?.objectValue
        for key in keys {
            // The mapper has dropped placeholder values already.
            if case .string(let text)? = request?[key] { return text }
        }
        return document.string(at: "entity.target.id") ?? ""
    }
}
