import Testing

@testable import RelatedActivity

@Suite struct EventIndexTests {
    static let hour: Int64 = 3_600_000
    static let t0: Int64 = 1_773_133_200_000

    static func event(
        _ id: String, at offset: Int64, action: String = "ListUsers", arn: String = "arn:alice",
        key: String = "", session: String = "", account: String = "111122223333",
        anchor: TrustAnchorDetails? = nil
    ) -> EventSummary {
        EventSummary(
            time: t0 + offset, eventID: id, provider: "iam.amazonaws.com", action: action, outcome: "success",
            actorARN: arn, accessKeyID: key, sessionID: session, account: account, region: "us-east-1",
            source: "203.0.113.10", trustAnchor: anchor)
    }

    static func index(_ events: [EventSummary]) -> EventIndex {
        var builder = EventIndexBuilder()
        for event in events { builder.add(event) }
        return builder.build()
    }

    @Test func windowEdgesAreInclusive() {
        let day = EventIndex.defaultWindowMilliseconds
        let index = Self.index([
            Self.event("too-early", at: -day - 1), Self.event("edge-early", at: -day),
            Self.event("alert", at: 0, action: "CreateUser"), Self.event("edge-late", at: day),
            Self.event("too-late", at: day + 1), Self.event("other-actor", at: 5, arn: "arn:bob"),
        ])
        let related = index.related(to: Self.event("alert", at: 0, action: "CreateUser"))
        #expect(related.map(\.event.eventID) == ["edge-early", "alert", "edge-late"])
        #expect(related.filter(\.isAlertEvent).map(\.event.eventID) == ["alert"])
    }

    @Test func relatesByAccessKeyAndSessionAndSortsByTime() {
        let index = Self.index([
            Self.event("by-key", at: 2 * Self.hour, arn: "arn:other", key: "AKIA1"),
            Self.event("by-session", at: -Self.hour, arn: "arn:other2", session: "AROA:i-1"),
            Self.event("alert", at: 0, key: "AKIA1", session: "AROA:i-1"),
            Self.event("unrelated", at: 0, arn: "arn:zed", key: "AKIA9"),
        ])
        let related = index.related(to: Self.event("alert", at: 0, key: "AKIA1", session: "AROA:i-1"))
        #expect(related.map(\.event.eventID) == ["by-session", "alert", "by-key"])
        #expect(related[0].relation == .sameSession)
        #expect(related[2].relation == .sameAccessKey)
        #expect(related[1].relation == [.sameARN, .sameAccessKey, .sameSession])
    }

    @Test func highlightsFollowUps() {
        let index = Self.index([
            Self.event("a", at: 0, action: "CreateUser"), Self.event("b", at: 1, action: "CreateAccessKey"),
            Self.event("c", at: 2, action: "ListUsers"), Self.event("d", at: 3, action: "AttachUserPolicy"),
        ])
        let related = index.related(to: Self.event("a", at: 0, action: "CreateUser"))
        #expect(related.filter(\.isFollowUp).map(\.event.action) == ["CreateAccessKey", "AttachUserPolicy"])
    }

    @Test func firstSeenIsEarliestForActorAndAction() {
        let index = Self.index([
            Self.event("later", at: 10 * Self.hour, action: "CreateUser"),
            Self.event("first", at: -30 * 24 * Self.hour, action: "CreateUser"),
            Self.event("bob", at: -40 * 24 * Self.hour, action: "CreateUser", arn: "arn:bob"),
        ])
        #expect(index.firstSeen(actorARN: "arn:alice", action: "CreateUser")?.eventID == "first")
        #expect(index.firstSeen(actorARN: "arn:alice", action: "DeleteUser") == nil)
        #expect(index.firstSeen(actorARN: "arn:nobody", action: "CreateUser") == nil)
    }

    @Test func trustAnchorsBySameActorThenSameAccount() {
        let details = TrustAnchorDetails(arn: "arn:ta/1", name: "partner-ca", sourceType: "CERTIFICATE_BUNDLE")
        let index = Self.index([
            Self.event(
                "other-account", at: 1, action: "CreateTrustAnchor", arn: "arn:eve", account: "999", anchor: details),
            Self.event("colleague", at: 2, action: "CreateTrustAnchor", arn: "arn:bob", anchor: details),
            Self.event("own", at: 3, action: "CreateTrustAnchor", anchor: details),
        ])
        let anchors = index.trustAnchors(actorARN: "arn:alice", account: "111122223333")
        #expect(anchors.map(\.event.eventID) == ["own", "colleague"])
        #expect(anchors.map(\.relation) == [.sameActor, .sameAccount])
        #expect(anchors[0].details.sourceType == "CERTIFICATE_BUNDLE")
    }

    @Test func duplicatesDroppedAndBuildersMerge() {
        var first = EventIndexBuilder()
        first.add(Self.event("x", at: 0))
        var second = EventIndexBuilder()
        second.add(Self.event("x", at: 0))
        second.add(Self.event("y", at: 1))
        first.append(contentsOf: second)
        let index = first.build()
        #expect(index.count == 2)
        #expect(index.distinctStrings < 12)
    }
}
