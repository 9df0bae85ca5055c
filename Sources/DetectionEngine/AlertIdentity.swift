/// Stable alert ids.
///
/// Kibana hashes the source document's identity with the rule, so overlapping rule runs that see
/// the same event produce the same alert. Offline the event's identity is its CloudTrail
/// `eventID` (or a hash of the record when it has none), which makes ids the same on every run
/// and machine, and makes a record AWS delivered twice collapse into one alert.
public enum AlertIdentity {
    /// The id of the alert `ruleID` raises for `eventKey`, with the new terms for new_terms rules.
    public static func uuid(ruleID: String, eventKey: String, newTerms: [String] = []) -> String {
        // A unit separator keeps ("a", "bc") and ("ab", "c") apart.
        var material = "trailtriage-alert-v1\u{1F}" + ruleID + "\u{1F}" + eventKey
        for term in newTerms {
            material += "\u{1F}" + term
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
}
