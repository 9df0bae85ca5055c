import TrailTriageJSON

/// Stable alert ids.
///
/// Kibana hashes the source document's identity with the rule, so overlapping rule runs that see
/// the same event produce the same alert. Offline the event's identity is its CloudTrail
/// `eventID` (or a hash of the record when it has none), which makes ids the same on every run
/// and machine, and makes a record AWS delivered twice collapse into one alert.
///
/// Only an identical re-delivery is the same event. When records share an `eventID` but differ in
/// content (an eventID conflict, which the engine finds), each distinct content is its own event
/// and its id also hashes ``contentKey(of:)``; ids of events without a conflict hash no content,
/// so they are what they always were.
public enum AlertIdentity {
    /// The id of the alert `ruleID` raises for `eventKey`, with the new terms for new_terms rules.
    /// `content` is given only for an event whose `eventID` is shared by different content.
    public static func uuid(
        ruleID: String, eventKey: String, content: String? = nil, newTerms: [String] = []
    ) -> String {
        // A unit separator keeps ("a", "bc") and ("ab", "c") apart; a record separator marks the
        // content hash, so it cannot pass for a new term.
        var material = "trailtriage-alert-v1\u{1F}" + ruleID + "\u{1F}" + eventKey
        if let content {
            material += "\u{1E}" + content
        }
        for term in newTerms {
            material += "\u{1F}" + term
        }
        return SHA256.hexDigest(material.utf8)
    }

    /// The id of an alert about a group of events (a threshold group, an EQL sequence): the rule,
    /// the group's terms and the identities of the events that formed it, sorted, so the same
    /// events give the same id whatever order they were read in. Kibana's own id for these hashes
    /// the run's start, which changes on every run; triage state needs one that does not.
    public static func groupUUID(ruleID: String, terms: [String], memberKeys: [String]) -> String {
        var material = "trailtriage-group-alert-v1\u{1F}" + ruleID
        for term in terms {
            material += "\u{1F}" + term
        }
        material += "\u{1D}"
        for key in memberKeys.sorted() {
            material += "\u{1E}" + key
        }
        return SHA256.hexDigest(material.utf8)
    }

    /// The key that identifies an event: its `eventID`, or a content hash when the record has none.
    public static func eventKey(eventID: String?, recordBytes: some Sequence<UInt8>) -> String {
        if let eventID, !eventID.isEmpty {
            return eventID
        }
        return "sha256:" + SHA256.hexDigest(recordBytes)
    }

    /// A hash of what a parsed event says, independent of how it was written: members sorted by
    /// key, no whitespace, numbers as written. A re-delivery in another layout (pretty-printed,
    /// NDJSON, members in another order) has the same content key.
    public static func contentKey(of event: JSONValue) -> String {
        var text = ""
        writeCanonical(event, into: &text)
        return "sha256:" + SHA256.hexDigest(text.utf8)
    }

    /// Recursion is bounded: the parser refuses values deeper than ``JSONParser/maximumDepth``.
    private static func writeCanonical(_ value: JSONValue, into text: inout String) {
        switch value {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .number(let written): text += written
        case .string(let string): JSONWriter.writeString(string, into: &text)
        case .array(let elements):
            text += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { text += "," }
                writeCanonical(element, into: &text)
            }
            text += "]"
        case .object(let object):
            text += "{"
            // A stable sort keeps repeated keys in their written order.
            let members = object.members.enumerated().sorted { lhs, rhs in
                lhs.element.key != rhs.element.key ? lhs.element.key < rhs.element.key : lhs.offset < rhs.offset
            }
            for (index, member) in members.enumerated() {
                if index > 0 { text += "," }
                JSONWriter.writeString(member.element.key, into: &text)
                text += ":"
                writeCanonical(member.element.value, into: &text)
            }
            text += "}"
        }
    }
}
