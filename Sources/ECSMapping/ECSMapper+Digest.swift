import TrailTriageJSON

extension ECSMapper {
    /// CloudTrail Insights details (spec §3.6).
    func mapInsight(_ raw: JSONValue?, into context: inout MappingContext) {
        guard let details = context.object(raw, field: "insightDetails") else { return }
        context.fields.set(
            "aws.cloudtrail.flattened.insight_details", FlattenedPayload.expandingDottedKeys(.object(details))
        )
    }

    /// A digest file (spec §3.6): `@timestamp` already came from `digestEndTime`.
    func mapDigest(_ raw: RawRecord, into context: inout MappingContext) {
        context.copy(raw.awsAccountId, field: "awsAccountId", to: "cloud.account.id")
        context.copy(raw.digestS3Object, field: "digestS3Object", to: "file.path")
        if let rest = EmptyValuePruner.pruned(.object(JSONObject(raw.digestRest))) {
            context.fields.set("aws.cloudtrail.flattened.digest", FlattenedPayload.expandingDottedKeys(rest))
        }
        context.fields.set("event.outcome", string: "success")
    }
}
