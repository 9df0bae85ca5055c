import KQL
import Testing

/// The two seed rules of detection-semantics.md §4, against realistic mapped CloudTrail events.
@Suite("Seed rules")
struct KQLSeedRuleTests {
    static let rolesAnywhereQuery = """
        event.dataset: aws.cloudtrail
        and event.provider: rolesanywhere.amazonaws.com
        and event.action: CreateProfile
        and event.outcome: success
        """

    static let createUserQuery = """
        event.dataset: "aws.cloudtrail" and event.provider: "iam.amazonaws.com" and event.action: "CreateUser" \
        and event.outcome: "success" and aws.cloudtrail.user_identity.type: "AssumedRole" \
        and aws.cloudtrail.user_identity.arn: *i-*
        """

    /// The later upstream form, which pins the session name rather than any `i-` in the ARN.
    static let createUserQueryUpdated = """
        data_stream.dataset: "aws.cloudtrail" and event.provider: "iam.amazonaws.com" and event.action: "CreateUser" \
        and event.outcome: "success" and aws.cloudtrail.user_identity.type: "AssumedRole" \
        and user.id: *\\:i-*
        """

    static let createProfileEvent = TestDocument([
        "@timestamp": ["2024-11-04T10:12:31.000Z"],
        "event.dataset": ["aws.cloudtrail"],
        "data_stream.dataset": ["aws.cloudtrail"],
        "event.provider": ["rolesanywhere.amazonaws.com"],
        "event.action": ["CreateProfile"],
        "event.outcome": ["success"],
        "cloud.account.id": ["123456789012"],
        "cloud.region": ["us-east-1"],
        "source.ip": ["198.51.100.23"],
        "user.name": ["alice"],
        "aws.cloudtrail.user_identity.type": ["IAMUser"],
        "aws.cloudtrail.user_identity.arn": ["arn:aws:iam::123456789012:user/alice"],
        "aws.cloudtrail.user_identity.access_key_id": ["AKIAIOSFODNN7EXAMPLE"],
        "aws.cloudtrail.flattened.request_parameters.name": ["ops-profile"],
        "aws.cloudtrail.flattened.request_parameters.roleArns": [
            "arn:aws:iam::123456789012:role/ops", "arn:aws:iam::123456789012:role/admin",
        ],
    ])

    static let createUserEvent = TestDocument([
        "@timestamp": ["2024-11-04T10:20:00.000Z"],
        "event.dataset": ["aws.cloudtrail"],
        "data_stream.dataset": ["aws.cloudtrail"],
        "event.provider": ["iam.amazonaws.com"],
        "event.action": ["CreateUser"],
        "event.outcome": ["success"],
        "cloud.account.id": ["123456789012"],
        "user.id": ["AROAEXAMPLEROLEID:i-0a1b2c3d4e5f67890"],
        "user.name": ["EC2WebRole"],
        "aws.cloudtrail.user_identity.type": ["AssumedRole"],
        "aws.cloudtrail.user_identity.arn": ["arn:aws:sts::123456789012:assumed-role/EC2WebRole/i-0a1b2c3d4e5f67890"],
        "aws.cloudtrail.flattened.request_parameters.userName": ["backdoor"],
    ])

    static func modified(_ document: TestDocument, _ changes: [String: [String]?]) -> TestDocument {
        var copy = document
        for (key, value) in changes {
            copy.fields[key] = value
        }
        return copy
    }

    @Test func rolesAnywhereMatchesItsEvent() throws {
        let query = try parsed(Self.rolesAnywhereQuery)
        #expect(query.matches(Self.createProfileEvent))
        #expect(query.fieldNames == ["event.dataset", "event.provider", "event.action", "event.outcome"])
    }

    @Test(
        arguments: [
            ["event.outcome": ["failure"]],
            ["event.action": ["DeleteProfile"]],
            ["event.provider": ["iam.amazonaws.com"]],
            ["event.dataset": nil],
            ["event.dataset": ["aws.guardduty"]],
        ] as [[String: [String]?]])
    func rolesAnywhereRejectsOtherEvents(_ changes: [String: [String]?]) throws {
        let query = try parsed(Self.rolesAnywhereQuery)
        #expect(!query.matches(Self.modified(Self.createProfileEvent, changes)))
    }

    @Test func createUserMatchesInstanceSession() throws {
        let original = try parsed(Self.createUserQuery)
        let updated = try parsed(Self.createUserQueryUpdated)
        #expect(original.matches(Self.createUserEvent))
        #expect(updated.matches(Self.createUserEvent))
        #expect(!original.matches(Self.createProfileEvent))
        #expect(!updated.matches(Self.createProfileEvent))
    }

    @Test(
        arguments: [
            ["aws.cloudtrail.user_identity.type": ["IAMUser"]],
            ["event.outcome": ["failure"]],
            ["event.action": ["CreateAccessKey"]],
            [
                "aws.cloudtrail.user_identity.arn": ["arn:aws:sts::123456789012:assumed-role/Admin/alice"],
                "user.id": ["AROAEXAMPLEROLEID:alice"],
            ],
        ] as [[String: [String]?]])
    func createUserRejectsOtherEvents(_ changes: [String: [String]?]) throws {
        let document = Self.modified(Self.createUserEvent, changes)
        #expect(try !parsed(Self.createUserQuery).matches(document))
        #expect(try !parsed(Self.createUserQueryUpdated).matches(document))
    }

    /// The false positive that motivated the upstream change: `api-` in the role name contains `i-`.
    @Test func createUserOriginalFormMatchesRoleNamesContainingIDash() throws {
        let document = Self.modified(
            Self.createUserEvent,
            [
                "aws.cloudtrail.user_identity.arn": ["arn:aws:sts::123456789012:assumed-role/api-deployer/alice"],
                "user.id": ["AROAEXAMPLEROLEID:alice"],
            ])
        #expect(try parsed(Self.createUserQuery).matches(document))
        #expect(try !parsed(Self.createUserQueryUpdated).matches(document))
    }

    @Test func seedQueriesPinTheirActions() throws {
        #expect(try parsed(Self.rolesAnywhereQuery).requiredExactValues(for: "event.action") == ["CreateProfile"])
        #expect(try parsed(Self.createUserQuery).requiredExactValues(for: "event.action") == ["CreateUser"])
        #expect(try parsed(Self.createUserQuery).requiredExactValues(for: "aws.cloudtrail.user_identity.arn") == nil)
    }
}
