import TrailTriageJSON

/// An ECS document in one canonical nested form: every dotted ECS path is a chain of objects,
/// and no key anywhere contains a literal dot.
///
/// One form means a rule's `a.b.c` resolves in exactly one way (detection-semantics §1.2.9).
public struct ECSDocument: Sendable, Hashable {
    /// The nested document.
    public var root: JSONObject
    /// Epoch milliseconds of `@timestamp`.
    public var timestampMilliseconds: Int64
    /// `event.id` (CloudTrail's `eventID`), when the record had one.
    public var eventID: String?

    public init(root: JSONObject, timestampMilliseconds: Int64, eventID: String?) {
        self.root = root
        self.timestampMilliseconds = timestampMilliseconds
        self.eventID = eventID
    }
}
