import TrailTriageJSON

extension ECSMapper {
    /// `related.entity`, `entity.target.id` and `user.entity.id`, as the current pipeline's actor
    /// and target mapping sets them (issue 10). Rules read `related.entity` to exclude AWS-managed
    /// policies and use `entity.target.id` as a new-terms field, so both must be there.
    func mapEntities(eventName: String?, payloads: Payloads, raw: RawRecord, into context: inout MappingContext) {
        var entities: [String] = []
        func add(_ value: JSONValue?) {
            switch value {
            case .string(let text)?:
                if !EmptyValuePruner.isPlaceholder(text), !entities.contains(text) { entities.append(text) }
            case .array(let items)?:
                for item in items { add(item) }
            default:
                break
            }
        }
        let identity = "aws.cloudtrail.user_identity."
        let actorARN = context.fields.get(identity + "arn")
        add(actorARN)
        add(context.fields.get(identity + "access_key_id"))
        add(raw.userIdentity?["userName"])
        add(context.fields.get(identity + "session_context.session_issuer.arn"))
        add(raw.userIdentity?["sessionContext"]?["sessionIssuer"]?["userName"])

        let request = payloads.requestParameters?.pruned.map(JSONValue.object)
        let response = payloads.responseElements?.pruned.map(JSONValue.object)
        let requestLeaves = request.map(Self.relatedLeaves) ?? [:]
        let responseLeaves = response.map(Self.relatedLeaves) ?? [:]
        let unusedKeys = eventName.flatMap { Self.relatedKeysNotNamed[$0] } ?? []
        for key in Self.relatedEntityKeys where !unusedKeys.contains(key) {
            for leaf in requestLeaves[key] ?? [] { add(leaf) }
            for leaf in responseLeaves[key] ?? [] { add(leaf) }
        }
        let resources = context.fields.get("aws.cloudtrail.resources")
        func payload(_ kind: TargetPayload) -> JSONValue? {
            switch kind {
            case .request: request
            case .response: response
            case .resources: resources
            }
        }
        for path in eventName.flatMap({ Self.relatedEntityPaths[$0] }) ?? [] {
            for value in Self.values(at: path.keys, in: payload(path.payload)) { add(value) }
        }
        if eventName == "SendCommand" {
            for value in Self.sendCommandInstanceTargets(request) { add(.string(value)) }
        }
        for resource in resources?.arrayValue ?? [] {
            add(resource["arn"])
        }

        var targets: [String] = []
        if let eventName, let path = Self.targetPaths[eventName] {
            for value in Self.values(at: path.keys, in: payload(path.payload)) {
                if let text = value.stringValue, !targets.contains(text) { targets.append(text) }
            }
        }
        // A command sent to every instance ("*") targets the account.
        if eventName == "SendCommand", let ids = request?["instanceIds"]?.arrayValue {
            for id in ids.compactMap(\.stringValue) {
                let target = id == "*" ? context.fields.get("cloud.account.id")?.stringValue : id
                if let target, !targets.contains(target) { targets.append(target) }
            }
        }
        for target in targets where !entities.contains(target) { entities.append(target) }

        if !entities.isEmpty { context.fields.set("related.entity", .array(entities.map(JSONValue.string))) }
        if !targets.isEmpty { context.fields.set("entity.target.id", .array(targets.map(JSONValue.string))) }
        // The newest generation names the role behind a session, not the session itself.
        if let actor = context.fields.get(identity + "session_context.session_issuer.arn") ?? actorARN {
            context.fields.set("user.entity.id", .array([actor]))
        }
    }

    /// Instance ids a `SendCommand` names through `targets` (`{"key": "InstanceIds", "values": […]}`).
    static func sendCommandInstanceTargets(_ request: JSONValue?) -> [String] {
        var ids: [String] = []
        for target in request?["targets"]?.arrayValue ?? []
        where target["key"]?.stringValue?.lowercased() == "instanceids" {
            ids.append(contentsOf: (target["values"]?.arrayValue ?? []).compactMap(\.stringValue))
        }
        return ids
    }

    /// Per event, payload members the pipeline adds to `related.entity` beyond
    /// ``relatedEntityKeys`` (read from the current generation of its test corpus).
    static let relatedEntityPaths: [String: [(payload: TargetPayload, keys: [String])]] = [
        "AssumeRole": [(.response, ["assumedRoleUser", "arn"])],
        "DeleteResolverQueryLogConfig": [(.response, ["resolverQueryLogConfig", "arn"])],
        "PutBucketReplication": [(.request, ["ReplicationConfiguration", "Rule", "Destination", "Bucket"])],
    ]

    /// Per event, members of ``relatedEntityKeys`` the pipeline does not add for that event: the
    /// snapshot a restore reads from, and the instance an agent reports on.
    static let relatedKeysNotNamed: [String: Set<String>] = [
        "RestoreDBInstanceFromDBSnapshot": ["dBSnapshotIdentifier"],
        "UpdateInstanceInformation": ["instanceId"],
    ]

    /// Request and response members naming the resources an event touches, at any depth.
    static let relatedEntityKeys: [String] = [
        "policyArn", "roleName", "roleArn", "roleSessionName", "userName", "groupName", "groupId",
        "securityGroupRuleId", "functionName", "functionArn", "role", "modelId", "bucketName", "instanceId",
        "imageId", "snapshotId", "topicArn", "secretId", "secretIdList", "keyId", "detectorId", "fileSystemId",
        "logGroupName", "logStreamName", "mountTargetId", "networkAclId", "dBInstanceIdentifier", "dBInstanceArn",
        "dBClusterArn", "dBClusterSnapshotIdentifier", "dBSnapshotIdentifier", "globalClusterArn", "policyName",
        "stackId", "stackSetId", "trustAnchorArn", "alarmNames", "trailARN", "sessionId", "target",
        "configurationRecorderName", "subnetIdentifier", "vpcSecurityGroupId", "vpcId",
    ]

    enum TargetPayload { case request, response, resources }

    /// The events whose `entity.target.id` this mapping sets (see ``targetPaths``, and
    /// `SendCommand`'s instances). A summary read from bytes leaves these to the document when
    /// its request names no target, since the target may come from elsewhere.
    public static let targetEventNames: Set<String> = Set(targetPaths.keys).union(["SendCommand"])

    /// Where an event's target is, for the events whose target the current pipeline records in
    /// `entity.target.id` (read from its test corpus; the two new-terms rules need the role ones).
    static let targetPaths: [String: (payload: TargetPayload, keys: [String])] = {
        var table: [String: (payload: TargetPayload, keys: [String])] = [:]
        for name in [
            "AttachRolePolicy", "DetachRolePolicy", "PutRolePolicy", "DeleteRolePolicy",
            "UpdateAssumeRolePolicy", "ListAttachedRolePolicies", "UpdateRole", "DeleteRole",
        ] {
            table[name] = (.request, ["roleName"])
        }
        for name in ["AttachUserPolicy", "DetachUserPolicy", "PutUserPolicy", "DeleteUserPolicy"] {
            table[name] = (.request, ["userName"])
        }
        table["AddPermission20150331v2"] = (.request, ["functionName"])
        table["Converse"] = (.request, ["modelId"])
        table["CreateDocument"] = (.request, ["name"])
        table["CreateTopic"] = (.response, ["topicArn"])
        table["Subscribe"] = (.request, ["topicArn"])
        table["DeleteAlarms"] = (.request, ["alarmNames"])
        table["DeleteLogGroup"] = (.request, ["logGroupName"])
        table["DeleteRule"] = (.request, ["name"])
        table["DeleteWebACL"] = (.request, ["id"])
        table["ModifyDBCluster"] = (.response, ["dBClusterArn"])
        table["RestoreDBInstanceFromS3"] = (.response, ["dBInstanceArn"])
        table["OpenControlChannel"] = (.resources, ["arn"])
        table["CreateTrafficMirrorFilter"] = (
            .response, ["CreateTrafficMirrorFilterResponse", "trafficMirrorFilter", "trafficMirrorFilterId"]
        )
        table["CreateTrafficMirrorSession"] = (
            .response, ["CreateTrafficMirrorSessionResponse", "trafficMirrorSession", "trafficMirrorSessionId"]
        )
        table["CreateTrafficMirrorTarget"] = (
            .response, ["CreateTrafficMirrorTargetResponse", "trafficMirrorTarget", "trafficMirrorTargetId"]
        )
        return table
    }()

    /// String leaves at a key path, descending arrays.
    static func values(at keys: [String], in value: JSONValue?) -> [JSONValue] {
        guard let value else { return [] }
        if case .array(let items) = value { return items.flatMap { values(at: keys, in: $0) } }
        guard let key = keys.first else { return [value] }
        return values(at: Array(keys.dropFirst()), in: value[key])
    }

    private static let relatedEntityKeySet = Set(relatedEntityKeys)

    /// The leaves under members named in ``relatedEntityKeys``, at any depth, by name, in document
    /// order. One walk serves every name, since the mapper runs this on each record it maps. A
    /// member nested inside one of the same name is not looked into again for that name.
    static func relatedLeaves(in value: JSONValue) -> [String: [JSONValue]] {
        var found: [String: [JSONValue]] = [:]
        collectRelatedLeaves(in: value, inside: [], into: &found)
        return found
    }

    private static func collectRelatedLeaves(
        in value: JSONValue, inside: Set<String>, into found: inout [String: [JSONValue]]
    ) {
        switch value {
        case .object(let object):
            for member in object.members {
                guard relatedEntityKeySet.contains(member.key), !inside.contains(member.key) else {
                    collectRelatedLeaves(in: member.value, inside: inside, into: &found)
                    continue
                }
                found[member.key, default: []].append(contentsOf: values(at: [], in: member.value))
                collectRelatedLeaves(in: member.value, inside: inside.union([member.key]), into: &found)
            }
        case .array(let items):
            for item in items { collectRelatedLeaves(in: item, inside: inside, into: &found) }
        default:
            break
        }
    }
}
