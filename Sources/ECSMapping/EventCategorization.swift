/// `event.category` and `event.type` by `eventName` (spec §4).
///
/// Events not listed keep `event.type: ["info"]` and get no category at all; rules and the
/// console must not assume every event has one.
enum EventCategorization {
    struct Entry: Sendable {
        var category: String
        var types: [String]
    }

    static func entry(forEventName name: String) -> Entry? {
        table[name]
    }

    private static let table: [String: Entry] = {
        var table: [String: Entry] = [:]
        func add(_ names: [String], _ category: String, _ types: [String]) {
            for name in names { table[name] = Entry(category: category, types: types) }
        }
        add(
            [
                "AddUserToGroup", "AttachGroupPolicy", "DeleteGroupPolicy", "DetachGroupPolicy",
                "PutGroupPolicy", "RemoveUserFromGroup", "UpdateGroup",
            ], "iam", ["group", "change"])
        add(
            [
                "AttachUserPolicy", "ChangePassword", "CreateAccessKey", "CreateVirtualMFADevice",
                "DeactivateMFADevice", "DeleteAccessKey", "DeleteSSHPublicKey",
                "DeleteUserPermissionsBoundary", "DeleteUserPolicy", "DeleteVirtualMFADevice",
                "DetachUserPolicy", "EnableMFADevice", "PutUserPermissionsBoundary", "PutUserPolicy",
                "TagUser", "UntagUser", "UpdateAccessKey", "UpdateLoginProfile", "UpdateSSHPublicKey",
                "UpdateUser",
            ], "iam", ["user", "change"])
        add(["CreateUser"], "iam", ["user", "creation"])
        add(["DeleteUser"], "iam", ["user", "deletion"])
        add(["CreateGroup"], "iam", ["group", "creation"])
        add(["DeleteGroup"], "iam", ["group", "deletion"])
        add(
            [
                "GetGroup", "GetGroupPolicy", "ListAttachedGroupPolicies", "ListGroupPolicies",
                "ListGroups",
            ], "iam", ["group", "info"])
        add(
            [
                "GetUser", "GetUserPolicy", "ListAttachedUserPolicies", "ListGroupsForUser",
                "ListUserPolicies", "ListUsers", "ListUserTags",
            ], "iam", ["user", "info"])
        add(["CreateKeyPair"], "iam", ["admin", "creation"])
        add(
            [
                "SetDefaultPolicyVersion", "SetSecurityTokenServicePreferences",
                "UpdateAccountPasswordPolicy", "UpdateRole",
            ], "iam", ["admin", "change"])
        add(["GetPolicy", "ListAttachedRolePolicies", "ListRoles"], "iam", ["info"])
        add(["CreatePolicy"], "iam", ["creation"])
        add(["AttachRolePolicy"], "iam", ["change"])
        add(["AssumeRole", "ConsoleLogin", "GetCallerIdentity"], "authentication", ["info"])
        add(["CreateBucket", "CreateDocument"], "file", ["creation"])
        add(["DeleteBucket", "DeleteObject"], "file", ["deletion"])
        add(["PutObject"], "file", ["change"])
        add(["ListBuckets", "ListObjects", "HeadObject", "GetObject"], "file", ["info"])
        add(["DescribeInstances", "DescribeVolumes", "ListInstanceAssociations"], "host", ["info"])
        add(
            [
                "DescribeSecurityGroups", "DescribeNetworkInterfaces", "DescribeVpcs",
                "DescribeNetworkAcls", "DescribeLoadBalancers",
            ], "network", ["info"])
        add(["AuthorizeSecurityGroupIngress"], "network", ["access"])
        add(["DescribeRegions", "Publish", "Converse"], "api", ["info"])
        add(["SendCommand"], "process", ["start"])
        add(["DescribeTrails"], "configuration", ["info"])
        add(["DeleteTrail"], "configuration", ["deletion"])
        add(["CreateTopic"], "configuration", ["creation"])
        add(["Subscribe"], "configuration", ["change"])
        add(["ListFunctions"], "package", ["info"])
        add(["ListTables", "DescribeDBInstances"], "database", ["info"])
        add(
            [
                "StartSession", "CreateControlChannel", "OpenControlChannel", "CreateDataChannel",
                "OpenDataChannel",
            ], "session", ["start"])
        add(["TerminateSession"], "session", ["end"])
        return table
    }()
}
