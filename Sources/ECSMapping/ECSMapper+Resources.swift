import TrailTriageJSON

extension ECSMapper {
    /// `resources[]` → `aws.cloudtrail.resources[]` with `arn`, `account_id` and `type`, exact
    /// duplicates removed (spec §3.6).
    func mapResources(_ raw: JSONValue?, into context: inout MappingContext) {
        guard let raw, let pruned = EmptyValuePruner.pruned(raw) else { return }
        guard case .array(let entries) = pruned else {
            context.warn("resources", pruned, expected: "an array")
            return
        }
        var mapped: [JSONValue] = []
        var seen = Set<JSONObject>()
        for entry in entries {
            guard case .object(let resource) = entry else {
                context.warn("An entry of resources", entry, expected: "an object")
                continue
            }
            var fields = JSONObject()
            // Both spellings occur in the wild; AWS documents "ARN".
            if let arn = context.scalar(resource["ARN"] ?? resource["arn"], field: "resources[].ARN") {
                fields["arn"] = arn
            }
            if let account = context.scalar(resource["accountId"], field: "resources[].accountId") {
                fields["account_id"] = account
            }
            if let type = context.scalar(resource["type"], field: "resources[].type") {
                fields["type"] = type
            }
            guard !fields.isEmpty, seen.insert(fields).inserted else { continue }
            mapped.append(.object(fields))
        }
        context.fields.set("aws.cloudtrail.resources", .array(mapped))
    }
}
