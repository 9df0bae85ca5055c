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

    /// ``ECSMapper/targetEventNames`` as bytes.
    static let targetEventNames: [[UInt8]] = ECSMapper.targetEventNames.map { Array($0.utf8) }

    /// Whether the mapper may find this action's target outside the request parameters (in the
    /// response or the resources): a summary read from bytes that found none in the request
    /// must then be read from the document, to agree with ``target(of:)``.
    public static func mayTargetElsewhere(_ action: UnsafeBufferPointer<UInt8>) -> Bool {
        // Most actions have none of the names' lengths: one bit test rules them out.
        guard targetNameLengths & lengthBit(action.count) != 0 else { return false }
        return targetEventNames.contains { ByteSearch.equal(action, $0) }
    }

    /// One bit per length of ``targetEventNames`` (lengths from 63 up share the last bit).
    private static let targetNameLengths: UInt64 = targetEventNames.reduce(0) { $0 | lengthBit($1.count) }

    private static func lengthBit(_ length: Int) -> UInt64 { 1 << UInt64(min(length, 63)) }

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

    /// The index of `key` in ``keys``: a switch on the length, then `memcmp` against static
    /// spellings. This runs for every request member of every event a console loads, where a
    /// search through an array of arrays cost reference counting on each comparison.
    static func rank(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        func spells(_ spelling: StaticString) -> Bool { ByteSearch.equal(key, spelling) }
        switch key.count {
        case 4 where spells("name"): return 17
        case 5 where spells("keyId"): return 9
        case 7 where spells("roleArn"): return 4
        case 8:
            if spells("userName") { return 0 }
            if spells("roleName") { return 1 }
            if spells("secretId") { return 8 }
            return spells("topicArn") ? 15 : nil
        case 9:
            if spells("groupName") { return 2 }
            if spells("policyArn") { return 3 }
            if spells("trailName") { return 10 }
            return spells("stackName") ? 16 : nil
        case 10:
            if spells("bucketName") { return 5 }
            if spells("instanceId") { return 6 }
            if spells("snapshotId") { return 13 }
            if spells("detectorId") { return 14 }
            return spells("policyName") ? 18 : nil
        case 12:
            if spells("functionName") { return 7 }
            return spells("logGroupName") ? 11 : nil
        case 20: return spells("dBInstanceIdentifier") ? 12 : nil
        default: return nil
        }
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
