import Foundation
import TestSupport
import Testing
import TrailTriageJSON
import TriageTestSupport

@testable import TriageModel
@testable import TriageStore

/// Step details are kept with the alert; a case stored before they were keeps its ticks and
/// step notes when the alert is saved again with them.
@Suite struct StoredGuideDetailTests {
    let step0 = StepKey(index: 0, title: "Identify the actor")

    @Test func detailsSurviveTheStoreAndOldTicksStillMatch() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("state.sqlite")
        let old = TestEvents.record(try TestEvents.document(TestEvents.createProfile))
        #expect(old.guide.stepDetails.isEmpty)
        do {
            let store = try TriageStore(path: path)
            try store.save([old])
            try store.apply(.setStepDone(step0, true), to: ["uuid-1"], analyst: "ana", time: 1000)
            try store.apply(.setStepNote(step0, "alice is the admin"), to: ["uuid-1"], analyst: "ana", time: 2000)
            var current = old
            current.guide.stepDetails = [["Read `user.name` first", "Then the key"], ["List the roles"]]
            try store.save([current])
        }
        let reopened = try TriageStore(path: path)
        let record = try #require(try reopened.record(uuid: "uuid-1"))
        #expect(record.guide.details(ofStep: 0) == ["Read `user.name` first", "Then the key"])
        #expect(record.guide.details(ofStep: 1) == ["List the roles"])
        let state = try reopened.state(of: "uuid-1")
        #expect(record.guide.stepKeys[0] == step0)
        #expect(
            state.step(record.guide.stepKeys[0]) == ChecklistStep(key: step0, isDone: true, note: "alice is the admin"))
    }

    @Test func aRecordStoredBeforeDetailsLoadsWithNone() throws {
        var stored = try #require(
            TestEvents.record(try TestEvents.document(TestEvents.createProfile)).storageJSON.objectValue)
        var guide = try #require(stored["guide"]?.objectValue)
        guide.members.removeAll { $0.key == "step_details" }
        stored["guide"] = .object(guide)
        let record = try #require(AlertRecord(uuid: "uuid-1", storageJSON: .object(stored)))
        #expect(record.guide.steps == ["Identify the actor", "Check the roles"])
        #expect(record.guide.details(ofStep: 0).isEmpty)
        #expect(record.guide.details(ofStep: 5).isEmpty)
    }
}
