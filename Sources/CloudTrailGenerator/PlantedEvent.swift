/// One record the generator placed on purpose, so detection results can be checked.
public struct PlantedEvent: Sendable, Hashable, Codable {
    /// Whether the record should raise an alert.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The rule must alert on this record.
        case truePositive
        /// The rule alerts on this record although it is not the behaviour the rule is after,
        /// because the rule's query is broader than its intent (the `*i-*` ARN wildcard).
        case falsePositiveShape
        /// The record resembles the rule's target but must not alert.
        case nearMiss
    }

    /// The record's `eventID`.
    public var eventID: String
    /// Name of the bundled rule the record is planted for.
    public var ruleName: String
    public var kind: Kind
    /// Why the record was planted, in a sentence.
    public var description: String
    /// The record's `eventTime`, e.g. `2026-10-01T09:14:02Z`.
    public var eventTime: String
    /// The record's account, `recipientAccountId`.
    public var accountID: String
    /// The record's `eventName`.
    public var eventName: String

    public init(
        eventID: String,
        ruleName: String,
        kind: Kind,
        description: String,
        eventTime: String,
        accountID: String,
        eventName: String
    ) {
        self.eventID = eventID
        self.ruleName = ruleName
        self.kind = kind
        self.description = description
        self.eventTime = eventTime
        self.accountID = accountID
        self.eventName = eventName
    }
}

extension PlantedEvent {
    /// Name of the bundled query rule for Roles Anywhere `CreateProfile`.
    public static let rolesAnywhereRule = "AWS IAM Roles Anywhere Profile Creation"
    /// Name of the bundled new-terms rule for `CreateUser` from an EC2 instance role.
    public static let createUserRule = "AWS IAM Create User via Assumed Role on EC2 Instance"
}
