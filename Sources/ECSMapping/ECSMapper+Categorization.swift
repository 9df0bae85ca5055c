import TrailTriageJSON

extension ECSMapper {
    /// `event.category` / `event.type` (spec §4).
    func mapCategorization(eventName: String?, into context: inout MappingContext) {
        if let eventName, let entry = EventCategorization.entry(forEventName: eventName) {
            context.fields.set("event.category", .array([.string(entry.category)]))
            context.fields.set("event.type", .array(entry.types.map(JSONValue.string)))
        } else {
            context.fields.set("event.type", .array([.string("info")]))
        }
    }
}
