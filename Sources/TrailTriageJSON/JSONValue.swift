/// A parsed JSON value.
///
/// Numbers keep the exact text they had in the input: CloudTrail documents are compared and
/// re-printed (as Java `Map.toString()` text and as KQL keyword terms) by their written form, so
/// converting them to `Double` would lose information such as `1.0` versus `1`.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number's text exactly as written in the source, e.g. `3600`, `-1.5e3`.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

extension JSONValue {
    /// The string payload, or `nil` for any other kind of value.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The object payload, or `nil` for any other kind of value.
    public var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// The array payload, or `nil` for any other kind of value.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The boolean payload, or `nil` for any other kind of value.
    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// A scalar's text as a search engine would index it as a keyword: strings as they are,
    /// numbers as written, booleans as `true`/`false`. `nil` for null, arrays and objects.
    public var scalarText: String? {
        switch self {
        case .string(let text): return text
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null, .array, .object: return nil
        }
    }

    /// Looks up a member when this is an object.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }
}
