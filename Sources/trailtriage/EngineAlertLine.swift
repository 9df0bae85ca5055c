import TrailTriageJSON

/// One alert as an engine (the Spark job, or a compiled SQL run) returned it: the columns every
/// compiled statement selects, plus where the record was read and its JSON text.
struct EngineAlertLine: Sendable {
    var ruleID: String
    var eventKey: String
    /// The content key scan adds to the identity of an event whose eventID other content uses.
    var eventContent: String?
    var timeMilliseconds: Int64
    var uuid: String
    var newTerms: [String]
    var sourceFile: String
    var recordIndex: Int
    var recordText: String
    /// The group, for a threshold alert (whose record is the group's latest event).
    var threshold: EngineThresholdGroup?

    /// Reads one line of `engine-alerts.ndjson` (or `records.ndjson`, which has the same members).
    /// - Throws: ``EngineOutputError`` naming the missing or mistyped member.
    init(json value: JSONValue) throws(EngineOutputError) {
        guard let object = value.objectValue else { throw EngineOutputError("is not a JSON object") }
        func text(_ key: String) throws(EngineOutputError) -> String {
            guard let text = object[key]?.stringValue else { throw EngineOutputError("has no string \"\(key)\"") }
            return text
        }
        func integer(_ key: String) throws(EngineOutputError) -> Int64 {
            guard let written = object[key]?.scalarText, let number = Int64(written) else {
                throw EngineOutputError("has no integer \"\(key)\"")
            }
            return number
        }
        ruleID = try text("rule_id")
        eventKey = try text("event_key")
        eventContent = object["event_content"]?.stringValue
        threshold = try EngineThresholdGroup(object)
        timeMilliseconds = try integer("event_time_ms")
        uuid = try text("alert_uuid")
        guard let terms = object["new_terms"]?.arrayValue else { throw EngineOutputError("has no array \"new_terms\"") }
        newTerms = try terms.map { term throws(EngineOutputError) in
            guard let text = term.stringValue else { throw EngineOutputError("has a new term that is not a string") }
            return text
        }
        sourceFile = object["source_file"]?.stringValue ?? "-"
        recordIndex = Int(object["record_index"]?.scalarText ?? "") ?? 0
        switch object["record"] {
        case .string(let text)?: recordText = text
        case .object(let record)?: recordText = JSONWriter().string(from: .object(record))
        default: throw EngineOutputError("has no \"record\"")
        }
    }

    /// The line as `records.ndjson` keeps it, with the record as a JSON object when it parses.
    var json: JSONValue {
        let record = (try? JSONParser.parse(recordText)) ?? .string(recordText)
        var object: JSONObject = [
            "alert_uuid": .string(uuid), "rule_id": .string(ruleID), "event_key": .string(eventKey),
            "event_time_ms": .number(String(timeMilliseconds)), "new_terms": .array(newTerms.map(JSONValue.string)),
            "source_file": .string(sourceFile), "record_index": .number(String(recordIndex)), "record": record,
        ]
        if let eventContent { object["event_content"] = .string(eventContent) }
        for member in threshold?.json.members ?? [] { object[member.key] = member.value }
        return .object(object)
    }
}

/// Why a line of engine output cannot be used.
struct EngineOutputError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
