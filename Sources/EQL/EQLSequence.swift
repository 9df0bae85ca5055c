/// The stages of a `sequence` query and how its events join.
public struct EQLSequence: Sendable {
    /// The `by` fields whose values must be equal across a sequence's events.
    public let byFields: [String]
    /// The longest time from the first to the last event of a sequence, when `maxspan` is set.
    public let maxspanMilliseconds: Int64?
    let stages: [EQLEventFilter]

    init(byFields: [String], maxspanMilliseconds: Int64?, stages: [EQLEventFilter]) {
        self.byFields = byFields
        self.maxspanMilliseconds = maxspanMilliseconds
        self.stages = stages
    }

    /// How many `[…]` stages the sequence has.
    public var stageCount: Int { stages.count }

    /// The 0-based indices of the stages whose category and condition this event satisfies.
    ///
    /// - Parameters:
    ///   - document: The event.
    ///   - categoryField: The field holding the event category (see ``EQLQuery/matches(_:categoryField:)``).
    /// - Returns: The indices in stage order; empty when the event fits no stage.
    public func stagesMatched(by document: some EQLDocument, categoryField: String = "event.category") -> [Int] {
        stages.indices.filter { stages[$0].matches(document, categoryField: categoryField) }
    }

    /// The event's `by` key: one entry per `by` field.
    ///
    /// A field with several values gives its values joined by U+001F (the whole list is the key,
    /// as Elasticsearch compares it).
    ///
    /// - Returns: The key, or nil when any `by` field is missing, in which case the event cannot
    ///   join a sequence.
    public func joinKey(of document: some EQLDocument) -> [String]? {
        var key: [String] = []
        for field in byFields {
            let values = document.eqlValues(at: field)
            guard !values.isEmpty else {
                return nil
            }
            key.append(values.joined(separator: "\u{1F}"))
        }
        return key
    }
}
