import TrailTriageJSON

/// One of the four free-form objects (spec §7), in both the shapes the mapping needs.
struct PayloadObject {
    /// The object as the record has it: its member count decides Java's key order.
    var raw: JSONObject
    /// The object after empty values were dropped; `nil` when nothing is left.
    var pruned: JSONObject?
    /// A key moved elsewhere (UserAuthentication's `UserName`) and left out of both forms.
    var excludedKey: String?
}

/// `requestParameters`, `responseElements`, `additionalEventData` and `serviceEventDetails`.
struct Payloads {
    var requestParameters: PayloadObject?
    var responseElements: PayloadObject?
    var additionalEventData: PayloadObject?
    var serviceEventDetails: PayloadObject?

    init(_ raw: RawRecord, into context: inout MappingContext) {
        requestParameters = Self.payload(raw.requestParameters, field: "requestParameters", into: &context)
        responseElements = Self.payload(raw.responseElements, field: "responseElements", into: &context)
        additionalEventData = Self.payload(raw.additionalEventData, field: "additionalEventData", into: &context)
        serviceEventDetails = Self.payload(raw.serviceEventDetails, field: "serviceEventDetails", into: &context)
    }

    private static func payload(
        _ value: JSONValue?, field: String, into context: inout MappingContext
    ) -> PayloadObject? {
        guard let value else { return nil }
        guard case .object(let object) = value else {
            // null and placeholders are simply absent; anything else is a malformed record.
            if EmptyValuePruner.pruned(value) != nil {
                context.warn(field, value, expected: "an object")
            }
            return nil
        }
        guard let pruned = EmptyValuePruner.pruned(value)?.objectValue else { return nil }
        return PayloadObject(raw: object, pruned: pruned, excludedKey: nil)
    }
}
