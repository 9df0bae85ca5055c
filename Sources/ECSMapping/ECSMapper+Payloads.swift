import TrailTriageJSON

extension ECSMapper {
    /// The string and flattened forms of the four payloads (spec §7), as the retain mode asks.
    func mapPayloadForms(_ payloads: Payloads, into context: inout MappingContext) {
        mapPayloadForms(payloads.requestParameters, name: "request_parameters", into: &context)
        mapPayloadForms(payloads.responseElements, name: "response_elements", into: &context)
        mapPayloadForms(payloads.additionalEventData, name: "additional_eventdata", into: &context)
        mapPayloadForms(payloads.serviceEventDetails, name: "service_event_details", into: &context)
    }

    private func mapPayloadForms(_ payload: PayloadObject?, name: String, into context: inout MappingContext) {
        guard let payload, let pruned = payload.pruned else { return }
        let retain = options.retain
        if retain == .none { return }

        // The text is needed even in flattened-only mode: its length decides whether the
        // flattened copy is made.
        guard let text = JavaMapText.string(for: payload.raw, excludingKey: payload.excludedKey) else { return }
        if retain != .flattened {
            context.fields.set("aws.cloudtrail." + name, string: text)
        }
        guard retain != .keyword, text.utf16.count < FlattenedPayload.maximumStringLength else { return }

        var flattened = FlattenedPayload.expandingDottedKeys(.object(pruned))
        if retain == .minimal {
            guard let trie = ECSMinimalRetention.tries[name],
                let projected = ECSMinimalRetention.project(flattened, onto: trie)
            else { return }
            flattened = projected
        }
        context.fields.set("aws.cloudtrail.flattened." + name, flattened)
    }
}
