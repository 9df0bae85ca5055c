import Testing

@testable import RelatedActivity

/// Event ids live in their own byte store (not interned); the index must still drop
/// re-deliveries, keep events without an id, order same-millisecond events by id and find
/// group members by id, across merged builders.
@Suite struct EventIDStoreTests {
    static func event(_ id: String, at offset: Int64, action: String = "ListUsers") -> EventSummary {
        EventIndexTests.event(id, at: offset, action: action)
    }

    @Test func idsRoundTripThroughMergesWithTheirOffsets() {
        var store = EventIDStore()
        #expect(store.add("") == 0)
        let a = store.add("a-1")
        var other = EventIDStore()
        let b = other.add("bb-2")
        let c = other.add("ccc-3")
        let offset = store.append(contentsOf: other)
        #expect(store.count == 3)
        #expect(store[a] == "a-1")
        #expect(store[b + offset] == "bb-2")
        #expect(store[c + offset] == "ccc-3")
        #expect(store[0] == "")
        #expect(store.id(c + offset, equals: "ccc-3"))
        #expect(!store.id(c + offset, equals: "ccc-"))
    }

    @Test func reDeliveriesAreDroppedWhereverTheyLieAndIdlessEventsStay() {
        var workers = [EventIndexBuilder(), EventIndexBuilder(), EventIndexBuilder()]
        workers[0].add(Self.event("dup", at: 5, action: "First"))
        workers[0].add(Self.event("", at: 1))
        workers[1].add(Self.event("", at: 1))
        workers[1].add(Self.event("solo", at: 2))
        // The same id at a later time (a crafted or re-sent record) is still the same event.
        workers[2].add(Self.event("dup", at: 9, action: "Second"))
        workers[2].add(Self.event("solo", at: 2))
        var merged = EventIndexBuilder()
        for worker in workers { merged.append(contentsOf: worker) }
        let index = merged.build()
        let kept = (0..<Int32(index.count)).map { index.summary(at: $0) }
        #expect(kept.map(\.eventID) == ["", "", "solo", "dup"])
        #expect(kept.last?.action == "First")
    }

    @Test func sameMillisecondEventsOrderAsTheirIdsDo() {
        let ids = ["b", "a", "ab", "Z", "é-1", "e-1", "A"]
        var builder = EventIndexBuilder()
        for id in ids { builder.add(Self.event(id, at: 0)) }
        let index = builder.build()
        let order = (0..<Int32(index.count)).map { index.summary(at: $0).eventID }
        #expect(order == ids.sorted())
    }

    @Test func membersAreFoundByIdAfterAMerge() {
        var first = EventIndexBuilder()
        first.add(Self.event("m-1", at: 0))
        var second = EventIndexBuilder()
        second.add(Self.event("m-2", at: 0))
        second.add(Self.event("m-3", at: 7))
        first.append(contentsOf: second)
        let index = first.build()
        let t0 = EventIndexTests.t0
        #expect(index.event(withKey: "m-2", at: t0)?.eventID == "m-2")
        #expect(index.event(withKey: "m-3", at: t0 + 7)?.eventID == "m-3")
        #expect(index.event(withKey: "m-3", at: t0) == nil)
        #expect(index.event(withKey: "m-", at: t0) == nil)
        #expect(
            index.members([(key: "m-3", time: t0 + 7), (key: "m-1", time: t0)]).map(\.event.eventID) == ["m-1", "m-3"])
    }
}
