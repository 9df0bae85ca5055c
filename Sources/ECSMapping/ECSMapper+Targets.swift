import TrailTriageJSON

extension ECSMapper {
    /// For `UserAuthentication`, `additionalEventData.UserName` is the person who signed in: it
    /// becomes `user.name` and leaves the payload before either payload form is built (spec §7).
    func moveUserAuthenticationName(
        eventName: String?, payloads: inout Payloads, into context: inout MappingContext
    ) {
        guard eventName == "UserAuthentication", var additional = payloads.additionalEventData else { return }
        let name = additional.pruned?.removeValue(forKey: "UserName")
        additional.excludedKey = "UserName"
        if additional.pruned?.isEmpty ?? false { additional.pruned = nil }
        payloads.additionalEventData = additional
        guard let name else { return }
        guard let text = name.scalarText else {
            context.warn("additionalEventData.UserName", name, expected: "a single text value")
            return
        }
        // An identity that already named the user (userName, or a role) takes precedence.
        if context.fields.get("user.name") == nil {
            context.fields.set("user.name", string: text)
        }
    }

    /// Target user and group copies (spec §3.5); the raw values stay in the payloads.
    func mapTargets(eventName: String?, _ payloads: Payloads, into context: inout MappingContext) {
        let request = payloads.requestParameters?.pruned
        let response = payloads.responseElements?.pruned
        context.copy(request?["userName"], field: "requestParameters.userName", to: "user.target.name")
        context.copy(response?["user"]?["userId"], field: "responseElements.user.userId", to: "user.target.id")
        context.copy(request?["newUserName"], field: "requestParameters.newUserName", to: "user.changes.name")
        // For these two events the pipeline's actor mapping records the role session's name as
        // the changed user (its test corpus shows it for nothing else).
        if let eventName, Self.sessionNameAsChangedUser.contains(eventName),
            context.fields.get("user.changes.name") == nil,
            context.fields.get("aws.cloudtrail.user_identity.type")?.stringValue == "AssumedRole",
            let arn = context.fields.get("aws.cloudtrail.user_identity.arn")?.stringValue,
            let session = Self.sessionName(fromSTSARN: arn)
        {
            context.fields.set("user.changes.name", string: session)
        }
        context.copy(request?["groupName"], field: "requestParameters.groupName", to: "group.name")
        context.copy(response?["group"]?["groupId"], field: "responseElements.group.groupId", to: "group.id")
    }

    /// Events whose role session name the pipeline puts in `user.changes.name`.
    static let sessionNameAsChangedUser: Set<String> = ["Converse", "SendCommand"]

    /// `related.user` and `user.email` (spec §3.3, §3.5).
    func mapRelatedUsers(into context: inout MappingContext) {
        var users: [String] = []
        func add(_ value: JSONValue?) {
            guard let text = value?.scalarText, !text.isEmpty, !users.contains(text) else { return }
            users.append(text)
        }
        if let arn = context.fields.get("aws.cloudtrail.user_identity.arn")?.stringValue,
            let session = Self.sessionName(fromSTSARN: arn)
        {
            add(.string(session))
            if let at = session.firstIndex(of: "@"), at != session.startIndex {
                add(.string(String(session[..<at])))
            }
        }
        add(context.fields.get("user.target.name"))  // requestParameters.userName
        add(context.fields.get("user.changes.name"))  // requestParameters.newUserName
        add(context.fields.get("user.target.id"))  // responseElements.user.userId
        add(context.fields.get("user.id"))
        let userName = context.fields.get("user.name")
        add(userName)
        add(context.fields.get("aws.cloudtrail.user_identity.on_behalf_of.user_id"))
        if !users.isEmpty {
            context.fields.set("related.user", .array(users.map(JSONValue.string)))
        }
        if let name = userName?.stringValue, name.dropFirst().contains("@") {
            context.fields.set("user.email", string: name)
        }
    }

    /// The session name: the last `/` segment of an STS ARN
    /// (`arn:aws:sts::123456789012:assumed-role/Role/i-0abc` → `i-0abc`).
    static func sessionName(fromSTSARN arn: String) -> String? {
        // arn:partition:service:region:account:resource
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "sts",
            let slash = parts[5].lastIndex(of: "/")
        else { return nil }
        let session = parts[5][parts[5].index(after: slash)...]
        return session.isEmpty ? nil : String(session)
    }
}
