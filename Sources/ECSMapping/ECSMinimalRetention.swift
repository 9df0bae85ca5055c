import TrailTriageJSON

/// The flattened leaves kept in ``ECSMapperOptions/RetainMode/minimal`` mode.
///
/// The list is the `aws.cloudtrail.flattened.*` leaves that Elastic's AWS detection rules query
/// (detection-semantics §1.4) plus those the investigation guides name; the `Map.toString()`
/// strings are kept in full in this mode. `additionalEventData.SSEApplied` is here because
/// Elastic's own minimal mode keeps it. Anything else is reachable through `event.original`.
public enum ECSMinimalRetention {
    /// Paths relative to `aws.cloudtrail.flattened`, e.g. `request_parameters.userName`.
    public static let paths: [String] = [
        // Rules.
        "request_parameters.aclProtocol",
        "request_parameters.activate",
        "request_parameters.attribute",
        "request_parameters.enable",
        "request_parameters.groupSet.items.groupId",
        "request_parameters.includeDeprecated",
        "request_parameters.instanceId",
        "request_parameters.ipPermissions.items.fromPort",
        "request_parameters.ipPermissions.items.ipRanges.items.cidrIp",
        "request_parameters.key",
        "request_parameters.omitted",
        "request_parameters.protocol",
        "request_parameters.reason",
        "request_parameters.ruleAction",
        "request_parameters.serialNumber",
        "request_parameters.withDecryption",
        "request_parameters.x-amz-acl",
        "request_parameters.x-amz-server-side-encryption-customer-algorithm",
        "response_elements.documentDescription.documentType",
        // Investigation guides.
        "request_parameters.userName",
        "response_elements.user.userName",
        // Kept by Elastic's minimal mode.
        "additional_eventdata.SSEApplied",
    ]

    /// A tree of path segments; a node marked `keep` keeps everything beneath it.
    struct PathTrie: Sendable {
        var children: [String: PathTrie] = [:]
        var keep = false

        mutating func insert(_ segments: ArraySlice<Substring>) {
            guard let first = segments.first else {
                keep = true
                return
            }
            children[String(first), default: PathTrie()].insert(segments.dropFirst())
        }
    }

    /// One trie per payload name (`request_parameters`, …).
    static let tries: [String: PathTrie] = {
        var root = PathTrie()
        for path in paths {
            root.insert(path.split(separator: ".")[...])
        }
        return root.children
    }()

    /// The parts of `value` on a listed path; `nil` when nothing is left.
    static func project(_ value: JSONValue, onto trie: PathTrie) -> JSONValue? {
        if trie.keep { return value }
        switch value {
        case .object(let object):
            var members: [JSONMember] = []
            for member in object.members {
                if let child = trie.children[member.key], let kept = project(member.value, onto: child) {
                    members.append(JSONMember(key: member.key, value: kept))
                }
            }
            return members.isEmpty ? nil : .object(JSONObject(members))
        case .array(let elements):
            // Arrays are transparent, as in rule paths (`ipPermissions.items.fromPort`).
            let kept = elements.compactMap { project($0, onto: trie) }
            return kept.isEmpty ? nil : .array(kept)
        default:
            return nil
        }
    }
}
