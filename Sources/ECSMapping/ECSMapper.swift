import TrailTriageJSON

/// Turns one raw CloudTrail record into the ECS document Elastic's AWS integration would index
/// for it (`/work/shared/reference/ecs-mapping.md`), so that Elastic detection rules see the same
/// field names, types and values.
///
/// The mapper is a value with no mutable state; one instance can map records on many threads.
public struct ECSMapper: Sendable {
    /// The settings every `map` call uses.
    public var options: ECSMapperOptions

    public init(options: ECSMapperOptions = .init()) {
        self.options = options
    }

    /// The value of `event.dataset` and `data_stream.dataset`.
    public static let dataset = "aws.cloudtrail"
    /// The ECS version Elastic's pipeline stamps on documents.
    public static let ecsVersion = "8.11.0"

    /// Maps one parsed record.
    ///
    /// - Parameters:
    ///   - record: the record as parsed JSON (one element of a file's `Records` array).
    ///   - originalText: the record's raw text; it becomes `event.original` when given.
    /// - Throws: ``ECSMappingError`` when the record is not an object, has no usable `eventTime`
    ///   (digest files use `digestEndTime` instead), or has an `eventSource`/`eventName` that is
    ///   not a string. Other type problems drop the field and add a warning.
    public func map(_ record: JSONValue, originalText: String?) throws(ECSMappingError) -> ECSMappingResult {
        guard case .object(let object) = record else {
            throw ECSMappingError(
                reason:
                    """
                    The record is \(MappingContext.describe(record)), not a JSON object, so it cannot be read as a \
                    CloudTrail event.
                    """
            )
        }
        let raw = RawRecord(object)
        let eventSource = try Self.optionalString(raw.eventSource, field: "eventSource")
        let eventName = try Self.optionalString(raw.eventName, field: "eventName")
        let timestamp = try Self.timestampMilliseconds(of: raw)

        var context = MappingContext()
        context.fields.set("@timestamp", .string(ECSTimestamp.format(milliseconds: timestamp)))
        addBookkeeping(originalText: originalText, into: &context)

        if raw.isDigest {
            mapDigest(raw, into: &context)
        } else {
            mapEnvelope(raw, eventSource: eventSource, eventName: eventName, into: &context)
            mapUserIdentity(raw.userIdentity, into: &context)
            // recipientAccountId is the second choice for the account (spec §3.1).
            if context.fields.get("cloud.account.id") == nil,
                let recipient = context.fields.get("aws.cloudtrail.recipient_account_id")
            {
                context.fields.set("cloud.account.id", recipient)
            }
            mapNetwork(raw, into: &context)

            var payloads = Payloads(raw, into: &context)
            moveUserAuthenticationName(eventName: eventName, payloads: &payloads, into: &context)
            mapTargets(eventName: eventName, payloads, into: &context)
            mapRelatedUsers(into: &context)
            mapResources(raw.resources, into: &context)
            mapEntities(eventName: eventName, payloads: payloads, raw: raw, into: &context)
            mapConsoleLogin(eventName: eventName, payloads: payloads, into: &context)
            mapOutcome(eventName: eventName, payloads: payloads, into: &context)
            mapPayloadForms(payloads, into: &context)
            mapInsight(raw.insightDetails, into: &context)
        }
        mapCategorization(eventName: eventName, into: &context)

        let root = context.fields.build()
        let eventID = context.fields.get("event.id")?.scalarText
        let document = ECSDocument(root: root, timestampMilliseconds: timestamp, eventID: eventID)
        return ECSMappingResult(document: document, warnings: context.warnings)
    }

    /// Constants and bookkeeping fields (spec §2).
    func addBookkeeping(originalText: String?, into context: inout MappingContext) {
        context.fields.set("event.kind", string: "event")
        context.fields.set("event.dataset", string: Self.dataset)
        context.fields.set("event.module", string: "aws")
        if let originalText { context.fields.set("event.original", string: originalText) }
        if let readTime = options.readTime { context.fields.set("event.created", string: readTime) }
        if let ingestedTime = options.ingestedTime { context.fields.set("event.ingested", string: ingestedTime) }
        context.fields.set("data_stream.dataset", string: Self.dataset)
        context.fields.set("data_stream.type", string: "logs")
        context.fields.set("cloud.provider", string: "aws")
        context.fields.set("ecs.version", string: Self.ecsVersion)
    }

    /// A string member that must be a string when present (`eventSource`, `eventName`): rules
    /// match on them, so a record where they are something else cannot be judged at all.
    static func optionalString(_ value: JSONValue?, field: String) throws(ECSMappingError) -> String? {
        switch value {
        case nil, .null?:
            return nil
        case .string(let text)?:
            return EmptyValuePruner.isPlaceholder(text) ? nil : text
        case let other?:
            throw ECSMappingError(
                reason:
                    "\(field) is \(MappingContext.describe(other)), not a string, so the event cannot be identified."
            )
        }
    }

    /// `@timestamp` in epoch milliseconds: `eventTime`, or `digestEndTime` for digest files.
    static func timestampMilliseconds(of raw: RawRecord) throws(ECSMappingError) -> Int64 {
        let field: String
        let value: JSONValue
        switch (raw.eventTime, raw.digestEndTime) {
        case (let eventTime?, _) where eventTime != .null:
            (field, value) = ("eventTime", eventTime)
        case (_, let digestEndTime?) where digestEndTime != .null:
            (field, value) = ("digestEndTime", digestEndTime)
        default:
            if raw.looksLikeEnvelope {
                throw ECSMappingError(
                    reason:
                        """
                        eventTime is missing: this looks like a whole {\"Records\": [...]} file or an EventBridge \
                        envelope rather than a single CloudTrail event; split or unwrap it first.
                        """
                )
            }
            throw ECSMappingError(reason: "eventTime is missing, so the event cannot be placed in time.")
        }
        guard case .string(let text) = value else {
            throw ECSMappingError(
                reason: "\(field) is \(MappingContext.describe(value)), not an ISO 8601 time string."
            )
        }
        guard let milliseconds = ECSTimestamp.parse(text) else {
            throw ECSMappingError(reason: "\(field) \"\(text)\" is not a valid ISO 8601 time.")
        }
        return milliseconds
    }
}
