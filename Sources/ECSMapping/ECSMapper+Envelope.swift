import TrailTriageJSON

extension ECSMapper {
    /// Envelope renames (spec §3.1).
    func mapEnvelope(
        _ raw: RawRecord, eventSource: String?, eventName: String?, into context: inout MappingContext
    ) {
        let cloudtrail = "aws.cloudtrail."
        context.copy(raw.eventVersion, field: "eventVersion", to: cloudtrail + "event_version")
        if let eventSource {
            context.fields.set("event.provider", string: eventSource)
            if let service = Self.serviceName(fromEventSource: eventSource) {
                context.fields.set("cloud.service.name", string: service)
            }
        }
        if let eventName {
            context.fields.set("event.action", string: eventName)
        }
        if let eventID = context.scalar(raw.eventID, field: "eventID") {
            context.fields.set("event.id", eventID)
        } else if EmptyValuePruner.pruned(raw.eventID ?? .null) == nil {
            context.warnings.append(
                """
                eventID is missing, so event.id is not set and a duplicate delivery of this event cannot be \
                recognised.
                """
            )
        }
        context.copy(raw.eventType, field: "eventType", to: cloudtrail + "event_type")
        context.copy(raw.eventCategory, field: "eventCategory", to: cloudtrail + "event_category")
        context.copy(raw.awsRegion, field: "awsRegion", to: "cloud.region")
        context.copy(raw.requestID, field: "requestID", to: cloudtrail + "request_id")
        context.copy(raw.apiVersion, field: "apiVersion", to: cloudtrail + "api_version")
        // Elastic maps managementEvent as a keyword: the boolean true is stored as "true".
        context.copyText(raw.managementEvent, field: "managementEvent", to: cloudtrail + "management_event")
        mapReadOnly(raw.readOnly, into: &context)
        context.copy(raw.recipientAccountId, field: "recipientAccountId", to: cloudtrail + "recipient_account_id")
        context.copy(raw.sharedEventID, field: "sharedEventID", to: cloudtrail + "shared_event_id")
        context.copy(raw.vpcEndpointId, field: "vpcEndpointId", to: cloudtrail + "vpc_endpoint_id")
        context.copy(
            raw.vpcEndpointAccountId, field: "vpcEndpointAccountId", to: cloudtrail + "vpc_endpoint_account_id")
        context.copy(raw.errorCode, field: "errorCode", to: cloudtrail + "error_code")
        context.copy(raw.errorMessage, field: "errorMessage", to: cloudtrail + "error_message")
        context.copyText(
            raw.sessionCredentialFromConsole, field: "sessionCredentialFromConsole",
            to: cloudtrail + "session_credential_from_console"
        )
        if let addendum = context.object(raw.addendum, field: "addendum") {
            let target = cloudtrail + "addendum."
            context.copy(addendum["reason"], field: "addendum.reason", to: target + "reason")
            context.copy(addendum["updatedFields"], field: "addendum.updatedFields", to: target + "updated_fields")
            context.copy(
                addendum["originalRequestID"], field: "addendum.originalRequestID", to: target + "original_request_id")
            context.copy(
                addendum["originalEventID"], field: "addendum.originalEventID", to: target + "original_event_id")
        }
    }

    /// `readOnly` is a boolean field; CloudTrail writes a JSON boolean, but the text forms are
    /// accepted because Elasticsearch accepts them too.
    private func mapReadOnly(_ value: JSONValue?, into context: inout MappingContext) {
        guard let scalar = context.scalar(value, field: "readOnly") else { return }
        switch scalar {
        case .bool:
            context.fields.set("aws.cloudtrail.read_only", scalar)
        case .string("true"):
            context.fields.set("aws.cloudtrail.read_only", .bool(true))
        case .string("false"):
            context.fields.set("aws.cloudtrail.read_only", .bool(false))
        default:
            context.warn("readOnly", scalar, expected: "true or false")
        }
    }

    /// `iam` for `iam.amazonaws.com`; `nil` when the source has no `.amazonaws.com` suffix.
    static func serviceName(fromEventSource source: String) -> String? {
        let suffix = ".amazonaws.com"
        guard source.hasSuffix(suffix), source.utf8.count > suffix.utf8.count else { return nil }
        return String(source.dropLast(suffix.count))
    }
}
