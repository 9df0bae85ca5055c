import TrailTriageJSON

/// A document under construction, addressed by dotted ECS paths.
///
/// Nodes live in one arena array and refer to each other by index. Building the nested
/// `JSONObject` directly would copy every enclosing object on each insertion (enum payloads are
/// values), which is quadratic in depth × fields; here each `set` only appends to one small array.
struct FieldTree {
    enum Slot {
        case leaf(JSONValue)
        case node(Int)
    }

    struct Member {
        var key: Substring
        var slot: Slot
    }

    private var nodes: [[Member]] = [[]]

    init() {
        nodes.reserveCapacity(24)
    }

    /// Stores `value` at `path`, replacing a previous leaf there. Values the post-mapping pass
    /// would drop (`null`, `""`, `{}`, `[]`) are not stored at all.
    mutating func set(_ path: String, _ value: JSONValue) {
        guard EmptyValuePruner.isStorable(value) else { return }
        var node = 0
        let last = Self.lastSegment(of: path) { segment in node = child(named: segment, of: node) }
        if let index = nodes[node].firstIndex(where: { ByteSearch.equal($0.key, last) }) {
            nodes[node][index].slot = .leaf(value)
        } else {
            nodes[node].append(Member(key: last, slot: .leaf(value)))
        }
    }

    /// Convenience for string leaves.
    mutating func set(_ path: String, string: String) {
        set(path, .string(string))
    }

    /// The leaf at `path`, if any.
    func get(_ path: String) -> JSONValue? {
        var node: Int? = 0
        let last = Self.lastSegment(of: path) { segment in
            guard let current = node, let member = nodes[current].first(where: { ByteSearch.equal($0.key, segment) }),
                case .node(let next) = member.slot
            else {
                node = nil
                return
            }
            node = next
        }
        guard let node, let member = nodes[node].first(where: { ByteSearch.equal($0.key, last) }),
            case .leaf(let value) = member.slot
        else { return nil }
        return value
    }

    /// Hands each segment of a dotted path but the last to `body`, in order, and returns the last.
    ///
    /// The mapper sets tens of fields per record, so this walks the path's bytes rather than
    /// splitting it into an array (splitting was a quarter of the mapping time). A `.` is ASCII,
    /// so each byte index found is also a character boundary of the path.
    private static func lastSegment(of path: String, _ body: (Substring) -> Void) -> Substring {
        let bytes = path.utf8
        var start = bytes.startIndex
        var position = start
        while position != bytes.endIndex {
            if bytes[position] == UInt8(ascii: ".") {
                body(path[start..<position])
                start = bytes.index(after: position)
            }
            position = bytes.index(after: position)
        }
        return path[start...]
    }

    /// The nested object the tree describes.
    func build() -> JSONObject {
        object(at: 0)
    }

    private func object(at node: Int) -> JSONObject {
        var members: [JSONMember] = []
        members.reserveCapacity(nodes[node].count)
        for member in nodes[node] {
            switch member.slot {
            case .leaf(let value):
                members.append(JSONMember(key: String(member.key), value: value))
            case .node(let child):
                let childObject = object(at: child)
                if !childObject.isEmpty {
                    members.append(JSONMember(key: String(member.key), value: .object(childObject)))
                }
            }
        }
        return JSONObject(members)
    }

    private mutating func child(named name: Substring, of node: Int) -> Int {
        if let index = nodes[node].firstIndex(where: { ByteSearch.equal($0.key, name) }) {
            if case .node(let existing) = nodes[node][index].slot {
                return existing
            }
            // A leaf is in the way; the mapper never writes both "a" and "a.b", but if it did the
            // deeper path wins rather than producing a literal dotted key.
            nodes.append([])
            nodes[node][index].slot = .node(nodes.count - 1)
            return nodes.count - 1
        }
        nodes.append([])
        nodes[node].append(Member(key: name, slot: .node(nodes.count - 1)))
        return nodes.count - 1
    }
}
