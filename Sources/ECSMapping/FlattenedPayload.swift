import TrailTriageJSON

/// Helpers for the `aws.cloudtrail.flattened.*` copies (spec §7).
enum FlattenedPayload {
    /// Elasticsearch refuses keyword terms of 32766 bytes or more, and Elastic's pipeline skips
    /// the flattened copy when the string form reaches that length.
    static let maximumStringLength = 32766

    /// Nests keys that contain dots (`{"a.b": 1}` → `{"a": {"b": 1}}`).
    ///
    /// A flattened field indexes both spellings under the same path, so nesting loses nothing,
    /// and the document keeps one canonical form. When a dotted key collides with a scalar of the
    /// same name, both values are kept side by side in an array, which path lookups treat exactly
    /// as Elasticsearch treats the two leaves.
    static func expandingDottedKeys(_ value: JSONValue) -> JSONValue {
        guard containsDottedKey(value) else { return value }
        switch value {
        case .object(let object):
            var members: [JSONMember] = []
            for member in object.members {
                let child = expandingDottedKeys(member.value)
                let segments = member.key.split(separator: ".")
                if segments.isEmpty {
                    // A key made only of dots cannot be nested; keep it as written.
                    insert(child, segments: [Substring(member.key)], into: &members)
                } else {
                    insert(child, segments: segments[...], into: &members)
                }
            }
            return .object(JSONObject(members))
        case .array(let elements):
            return .array(elements.map(expandingDottedKeys))
        default:
            return value
        }
    }

    private static func containsDottedKey(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let object):
            for member in object.members {
                if member.key.utf8.contains(UInt8(ascii: ".")) || containsDottedKey(member.value) {
                    return true
                }
            }
            return false
        case .array(let elements):
            return elements.contains(where: containsDottedKey)
        default:
            return false
        }
    }

    private static func insert(_ value: JSONValue, segments: ArraySlice<Substring>, into members: inout [JSONMember]) {
        guard let first = segments.first else { return }
        let key = String(first)
        let rest = segments.dropFirst()
        var nested = value
        if !rest.isEmpty {
            var inner: [JSONMember] = []
            insert(value, segments: rest, into: &inner)
            nested = .object(JSONObject(inner))
        }
        guard let index = members.firstIndex(where: { $0.key == key }) else {
            members.append(JSONMember(key: key, value: nested))
            return
        }
        members[index].value = merge(members[index].value, nested)
    }

    private static func merge(_ existing: JSONValue, _ new: JSONValue) -> JSONValue {
        switch (existing, new) {
        case (.object(let left), .object(let right)):
            var members = left.members
            for member in right.members {
                insert(member.value, segments: [Substring(member.key)], into: &members)
            }
            return .object(JSONObject(members))
        case (.array(let left), .array(let right)):
            return .array(left + right)
        case (.array(let left), _):
            return .array(left + [new])
        case (_, .array(let right)):
            return .array([existing] + right)
        default:
            return .array([existing, new])
        }
    }
}
