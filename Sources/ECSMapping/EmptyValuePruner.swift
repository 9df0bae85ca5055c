import TrailTriageJSON

/// Removes the values Elastic's pipeline treats as absent (spec §8).
///
/// Before mapping, `null`, `""`, `"-"` and `"none"` are removed recursively, and so is every object
/// or array left empty. Rules test presence with `field: *`, so leaving a placeholder in would make
/// a rule match a field that has no real value.
public enum EmptyValuePruner {
    /// The outcome of pruning one value. `unchanged` lets callers keep the original storage
    /// instead of rebuilding identical objects, which matters for large request payloads.
    enum Outcome {
        case unchanged
        case changed(JSONValue)
        case void
    }

    /// The pruned value, or `nil` when nothing is left.
    static func pruned(_ value: JSONValue) -> JSONValue? {
        switch prune(value) {
        case .unchanged: return value
        case .changed(let newValue): return newValue
        case .void: return nil
        }
    }

    /// Whether UTF-8 bytes spell one of the placeholders dropped before mapping (`""`, `-`,
    /// `none`), for readers that summarise records without mapping them.
    public static func isPlaceholder(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes.count {
        case 0: return true
        case 1: return bytes[0] == UInt8(ascii: "-")
        case 4: return bytes.elementsEqual("none".utf8)
        default: return false
        }
    }

    /// Whether a scalar is one of the placeholders dropped before mapping.
    @inline(__always)
    static func isPlaceholder(_ text: String) -> Bool {
        // Compare by UTF-8 length first: almost every string is longer than four bytes.
        switch text.utf8.count {
        case 0: return true
        case 1: return text == "-"
        case 4: return text == "none"
        default: return false
        }
    }

    static func prune(_ value: JSONValue) -> Outcome {
        switch value {
        case .null:
            return .void
        case .string(let text):
            return isPlaceholder(text) ? .void : .unchanged
        case .bool, .number:
            return .unchanged
        case .array(let elements):
            var rebuilt: [JSONValue]?
            for (index, element) in elements.enumerated() {
                let outcome = prune(element)
                if case .unchanged = outcome {
                    rebuilt?.append(element)
                    continue
                }
                if rebuilt == nil {
                    rebuilt = Array(elements[..<index])
                }
                if case .changed(let newElement) = outcome {
                    rebuilt?.append(newElement)
                }
            }
            guard let rebuilt else { return elements.isEmpty ? .void : .unchanged }
            return rebuilt.isEmpty ? .void : .changed(.array(rebuilt))
        case .object(let object):
            guard let members = prunedMembers(object.members) else {
                return object.isEmpty ? .void : .unchanged
            }
            return members.isEmpty ? .void : .changed(.object(JSONObject(members)))
        }
    }

    /// The members left after pruning, or `nil` when nothing changed.
    static func prunedMembers(_ members: [JSONMember]) -> [JSONMember]? {
        var rebuilt: [JSONMember]?
        for (index, member) in members.enumerated() {
            let outcome = prune(member.value)
            if case .unchanged = outcome {
                rebuilt?.append(member)
                continue
            }
            if rebuilt == nil {
                rebuilt = Array(members[..<index])
            }
            if case .changed(let newValue) = outcome {
                rebuilt?.append(JSONMember(key: member.key, value: newValue))
            }
        }
        return rebuilt
    }

    /// Whether a value is kept by the post-mapping pass (`null`, `""`, `{}` and `[]` are not).
    @inline(__always)
    static func isStorable(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return false
        case .string(let text): return !text.isEmpty
        case .array(let elements): return !elements.isEmpty
        case .object(let object): return !object.isEmpty
        case .bool, .number: return true
        }
    }
}
