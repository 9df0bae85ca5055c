/// One `<category> where <condition>`: a single-event query, or one stage of a sequence.
struct EQLEventFilter: Sendable {
    /// The event category; `any` matches every event.
    let category: String
    let condition: EQLCondition

    func matches(_ document: some EQLDocument, categoryField: String) -> Bool {
        guard category == "any" || document.eqlValues(at: categoryField).contains(category) else {
            return false
        }
        return condition.truth(in: document) == .true
    }
}
