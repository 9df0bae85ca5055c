import TrailTriageJSON

/// What an engine returns for a threshold alert besides its latest event: the group's values,
/// how many events it counted from when, and the identities of those events.
struct EngineThresholdGroup: Sendable {
    /// The group's values, in the rule's field order.
    var terms: [String]
    var count: Int
    var fromMilliseconds: Int64
    /// Distinct values of the cardinality field, when the rule has a cardinality condition.
    var cardinality: Int?
    /// The counted events' identities (event key, and content key when the eventID is shared).
    var memberKeys: [String]

    /// The group in `object`, `nil` when the line is not a threshold alert.
    /// - Throws: ``EngineOutputError`` naming a mistyped member.
    init?(_ object: JSONObject) throws(EngineOutputError) {
        guard let terms = object["threshold_terms"]?.arrayValue else { return nil }
        func strings(_ values: [JSONValue], _ name: String) throws(EngineOutputError) -> [String] {
            try values.map { value throws(EngineOutputError) in
                guard let text = value.stringValue else { throw EngineOutputError("has a non-string in \(name)") }
                return text
            }
        }
        self.terms = try strings(terms, "threshold_terms")
        self.memberKeys = try strings(object["threshold_members"]?.arrayValue ?? [], "threshold_members")
        guard let count = Int(object["threshold_count"]?.scalarText ?? ""),
            let from = Int64(object["threshold_from_ms"]?.scalarText ?? "")
        else { throw EngineOutputError("has no integer threshold_count and threshold_from_ms") }
        self.count = count
        self.fromMilliseconds = from
        self.cardinality = Int(object["threshold_cardinality"]?.scalarText ?? "")
    }

    /// The members `records.ndjson` keeps for the group.
    var json: JSONObject {
        var object: JSONObject = [
            "threshold_terms": .array(terms.map(JSONValue.string)),
            "threshold_count": .number(String(count)), "threshold_from_ms": .number(String(fromMilliseconds)),
            "threshold_members": .array(memberKeys.map(JSONValue.string)),
        ]
        if let cardinality { object["threshold_cardinality"] = .number(String(cardinality)) }
        return object
    }
}
