import TrailTriageJSON

/// The state of one `map` call: the document being built and the warnings collected so far.
///
/// Reading helpers prune placeholders (spec §8) and check types in one place, so each mapping
/// step can say "copy this keyword" without repeating the type checks and warning texts.
struct MappingContext {
    var fields = FieldTree()
    var warnings: [String] = []

    /// The pruned object at `value`; warns (naming `field`) when it is present but not an object.
    mutating func object(_ value: JSONValue?, field: String) -> JSONObject? {
        guard let value, let pruned = EmptyValuePruner.pruned(value) else { return nil }
        if case .object(let object) = pruned { return object }
        warn(field, pruned, expected: "an object")
        return nil
    }

    /// The pruned scalar at `value` (string, number or boolean), kept with its JSON type; warns
    /// when it is an object or array, which a keyword field cannot hold.
    mutating func scalar(_ value: JSONValue?, field: String) -> JSONValue? {
        guard let value, let pruned = EmptyValuePruner.pruned(value) else { return nil }
        switch pruned {
        case .string, .number, .bool:
            return pruned
        case .array, .object, .null:
            warn(field, pruned, expected: "a single text value")
            return nil
        }
    }

    /// The scalar's keyword text (numbers as written, booleans as `true`/`false`).
    mutating func text(_ value: JSONValue?, field: String) -> String? {
        scalar(value, field: field)?.scalarText
    }

    /// Copies a scalar to `path` unchanged.
    mutating func copy(_ value: JSONValue?, field: String, to path: String) {
        if let scalar = scalar(value, field: field) {
            fields.set(path, scalar)
        }
    }

    /// Copies a scalar to `path` as its keyword text (for fields Elastic maps as strings even
    /// when CloudTrail writes a boolean, such as `managementEvent`).
    mutating func copyText(_ value: JSONValue?, field: String, to path: String) {
        if let text = text(value, field: field) {
            fields.set(path, .string(text))
        }
    }

    mutating func warn(_ field: String, _ value: JSONValue, expected: String) {
        warnings.append("\(field) is \(Self.describe(value)), expected \(expected); it was left out of the document.")
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
