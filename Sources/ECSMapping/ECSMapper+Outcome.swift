import TrailTriageJSON

extension ECSMapper {
    /// `event.outcome` (spec §5): `failure` when CloudTrail reports an error, except that a
    /// ConsoleLogin's own verdict (`responseElements.ConsoleLogin`) decides for sign-ins. Always
    /// lower-case, because rules test `event.outcome: success` exactly.
    func mapOutcome(eventName: String?, payloads: Payloads, into context: inout MappingContext) {
        var outcome = "success"
        if context.fields.get("aws.cloudtrail.error_code") != nil
            || context.fields.get("aws.cloudtrail.error_message") != nil
        {
            outcome = "failure"
        }
        if eventName == "ConsoleLogin",
            let verdict = payloads.responseElements?.pruned?["ConsoleLogin"]?.scalarText
        {
            outcome = verdict.lowercased()
        }
        context.fields.set("event.outcome", string: outcome)
    }
}
