/// One event of an actor's related activity, or of a group alert's events, with why it is
/// related and whether to highlight it.
public struct RelatedEvent: Sendable, Hashable {
    /// How an event is tied to the alert's actor.
    public struct Relation: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// Same `aws.cloudtrail.user_identity.arn`.
        public static let sameARN = Relation(rawValue: 1 << 0)
        /// Same access key id.
        public static let sameAccessKey = Relation(rawValue: 1 << 1)
        /// Same principal id (role session).
        public static let sameSession = Relation(rawValue: 1 << 2)
        /// One of the events a group alert stands for (a threshold group's counted events, an
        /// EQL sequence's events, the events behind an aggregating ES|QL row).
        public static let member = Relation(rawValue: 1 << 3)

        /// Short words for display, e.g. `arn+key`.
        public var label: String {
            var words: [String] = []
            if contains(.sameARN) { words.append("arn") }
            if contains(.sameAccessKey) { words.append("key") }
            if contains(.sameSession) { words.append("session") }
            if contains(.member) { words.append("member") }
            return words.joined(separator: "+")
        }
    }

    public var event: EventSummary
    public var relation: Relation
    /// The action is one of ``FollowUpActions``.
    public var isFollowUp: Bool
    /// This is the alert's own event.
    public var isAlertEvent: Bool

    public init(event: EventSummary, relation: Relation, isFollowUp: Bool, isAlertEvent: Bool) {
        self.event = event
        self.relation = relation
        self.isFollowUp = isFollowUp
        self.isAlertEvent = isAlertEvent
    }
}

/// A CreateTrustAnchor call relevant to an alert, and why.
public struct RelatedTrustAnchor: Sendable, Hashable {
    public enum Relation: String, Sendable, Hashable {
        /// Created by the alert's actor (same ARN).
        case sameActor = "same actor"
        /// Created by someone else in the alert's account.
        case sameAccount = "same account"
    }

    /// The CreateTrustAnchor event; `event.trustAnchor` is always set.
    public var event: EventSummary
    public var relation: Relation

    public init(event: EventSummary, relation: Relation) {
        self.event = event
        self.relation = relation
    }

    /// The anchor's details (empty strings if the event somehow lacks them).
    public var details: TrustAnchorDetails {
        event.trustAnchor ?? TrustAnchorDetails(arn: "", name: "", sourceType: "")
    }
}
