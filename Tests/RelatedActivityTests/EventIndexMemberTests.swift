import Testing

@testable import RelatedActivity

/// Looking a group alert's events up by key and time.
@Suite struct EventIndexMemberTests {
    static let t0: Int64 = 1_773_133_200_000

    static func event(_ id: String, at offset: Int64, arn: String = "arn:alice") -> EventSummary {
        EventSummary(
            time: t0 + offset, eventID: id, provider: "signin.amazonaws.com", action: "ConsoleLogin", actorARN: arn)
    }

    static let index: EventIndex = {
        var builder = EventIndexBuilder()
        // Three events in one millisecond, one by someone else, and one delivered twice.
        for event in [
            event("b", at: 0), event("a", at: 0), event("c", at: 0, arn: "arn:bob"), event("later", at: 5_000),
            event("later", at: 5_000),
        ] {
            builder.add(event)
        }
        return builder.build()
    }()

    @Test func findsAnEventByKeyAtItsTime() {
        #expect(Self.index.event(withKey: "c", at: Self.t0)?.actorARN == "arn:bob")
        #expect(Self.index.event(withKey: "later", at: Self.t0 + 5_000)?.eventID == "later")
    }

    @Test func aKeyAtAnotherTimeOrUnknownIsNotFound() {
        #expect(Self.index.event(withKey: "c", at: Self.t0 + 1) == nil)
        #expect(Self.index.event(withKey: "sha256:00ff", at: Self.t0) == nil)
        #expect(Self.index.event(withKey: "", at: Self.t0) == nil)
    }

    @Test func membersComeInTimeOrderOnceEachAndMarked() {
        let members = Self.index.members([
            ("later", Self.t0 + 5_000), ("c", Self.t0), ("a", Self.t0), ("a", Self.t0), ("gone", Self.t0),
        ])
        #expect(members.map(\.event.eventID) == ["a", "c", "later"])
        #expect(members.allSatisfy { $0.relation == .member && $0.isAlertEvent })
    }
}
