/// A parsed EQL query: one event filter, or a sequence of them.
///
/// Only the subset Elastic's AWS rules use is accepted; anything else is refused by
/// ``parse(_:)`` with an ``EQLSyntaxError`` that names the construct and its position.
public struct EQLQuery: Sendable {
    /// The sequence, for a `sequence …` query; nil for a single-event query.
    public let sequence: EQLSequence?
    /// Every field path the query reads, `by` fields included; the category field is not.
    public let fieldsRead: Set<String>
    let filter: EQLEventFilter?

    /// Parses EQL query text.
    ///
    /// - Parameter text: The query, as in a rule's `query = '''…'''`.
    /// - Throws: ``EQLSyntaxError`` for malformed text and for constructs outside the subset.
    public static func parse(_ text: String) throws(EQLSyntaxError) -> EQLQuery {
        var parser = try EQLParser(text: text)
        switch try parser.parseQuery() {
        case .event(let filter):
            return EQLQuery(sequence: nil, fieldsRead: parser.fieldsRead, filter: filter)
        case .sequence(let sequence):
            return EQLQuery(sequence: sequence, fieldsRead: parser.fieldsRead, filter: nil)
        }
    }

    /// Whether a single-event query matches this event, its category included.
    ///
    /// - Parameters:
    ///   - document: The event.
    ///   - categoryField: The field holding the event category: `event.category` unless the rule
    ///     sets `event_category_override`. Any of its values equal to the category counts.
    /// - Returns: True when the condition is true (not false, not null). Always false for a
    ///   sequence query, whose stages are matched through ``sequence`` instead.
    public func matches(_ document: some EQLDocument, categoryField: String = "event.category") -> Bool {
        filter?.matches(document, categoryField: categoryField) ?? false
    }
}
