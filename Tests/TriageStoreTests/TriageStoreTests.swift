import Foundation
import TestSupport
import Testing
import TriageTestSupport

@testable import TriageModel
@testable import TriageStore

@Suite struct TriageStoreTests {
    let step0 = StepKey(index: 0, title: "Identify the actor")

    @Test func stateSurvivesReopening() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("nested/dir/state.sqlite")
        do {
            let store = try TriageStore(path: path)
            try store.save([TestEvents.record(try TestEvents.document(TestEvents.createProfile))])
            try store.apply(.toggleReviewed, to: ["uuid-1"], analyst: "ana", time: 1000)
            try store.apply(
                .close(.benignTruePositive, reason: "partner onboarding"), to: ["uuid-1"], analyst: "ana", time: 2000)
            try store.apply(.setNotes("line one\nline two ✓"), to: ["uuid-1"], analyst: "ana", time: 3000)
            try store.apply(.setStepDone(step0, true), to: ["uuid-1"], analyst: "ana", time: 4000)
            try store.apply(.setStepNote(step0, "alice is the admin"), to: ["uuid-1"], analyst: "ana", time: 5000)
        }
        let reopened = try TriageStore(path: path)
        let state = try reopened.state(of: "uuid-1")
        #expect(state.reviewed)
        #expect(state.status == .closed)
        #expect(state.disposition == .benignTruePositive)
        #expect(state.reason == "partner onboarding")
        #expect(state.notes == "line one\nline two ✓")
        #expect(state.step(step0) == ChecklistStep(key: step0, isDone: true, note: "alice is the admin"))
        let record = try #require(try reopened.record(uuid: "uuid-1"))
        #expect(record.keyParameters.durationSeconds.value?.humanForm == "12h")
        #expect(record.guide.steps == ["Identify the actor", "Check the roles"])
        #expect(
            try reopened.auditTrail(of: "uuid-1").map(\.action) == ["reviewed", "close", "notes", "step", "step-note"])

        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let directoryAttributes = try FileManager.default.attributesOfItem(atPath: directory.file("nested/dir"))
        #expect((directoryAttributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
    }

    @Test func undoRestoresEveryAlertOfABulkAction() throws {
        let directory = try ScratchDirectory()
        let store = try TriageStore(path: directory.file("state.sqlite"))
        try store.apply(.setStatus(.acknowledged), to: ["a"], analyst: "ana", time: 1)
        let bulk = try store.apply(
            .close(.falsePositive, reason: "role name shape"), to: ["a", "b"], analyst: "ana", time: 2)
        #expect(try store.state(of: "b").status == .closed)
        let undone = try store.undo(bulk, analyst: "ana", time: 3)
        #expect(undone.entries.count == 2)
        #expect(try store.state(of: "a") == TriageState(status: .acknowledged))
        #expect(try store.state(of: "b") == .untouched)
        let trail = try store.auditTrail(of: "a")
        #expect(trail.map(\.action) == ["status:acknowledged", "close", "undo"])
        #expect(trail.map(\.analyst) == ["ana", "ana", "ana"])
        #expect(trail[1].isoTime == "1970-01-01T00:00:00.002Z")
    }

    @Test func undoSkipsAlertsChangedSince() throws {
        let directory = try ScratchDirectory()
        let store = try TriageStore(path: directory.file("state.sqlite"))
        let change = try store.apply(.toggleReviewed, to: ["a", "b"], analyst: "ana", time: 1)
        let other = try TriageStore(path: store.path)
        try other.apply(.setNotes("bob was here"), to: ["b"], analyst: "bob", time: 2)
        let undone = try store.undo(change, analyst: "ana", time: 3)
        #expect(undone.entries.map(\.alertID) == ["a"])
        #expect(try store.state(of: "b").reviewed)
    }

    @Test func auditIsAppendOnly() throws {
        let directory = try ScratchDirectory()
        let store = try TriageStore(path: directory.file("state.sqlite"))
        try store.apply(.toggleReviewed, to: ["a"], analyst: "ana", time: 1)
        #expect(throws: SQLiteError.self) { try store.connection.execute("DELETE FROM audit") }
        #expect(try store.auditTrail(of: "a").count == 1)
    }

    @Test func twoConnectionsInterleave() throws {
        let directory = try ScratchDirectory()
        let first = try TriageStore(path: directory.file("state.sqlite"))
        let second = try TriageStore(path: directory.file("state.sqlite"))
        for round in 0..<20 {
            try first.apply(.toggleReviewed, to: ["shared"], analyst: "ana", time: Int64(round * 2))
            try second.apply(.toggleReviewed, to: ["shared"], analyst: "bob", time: Int64(round * 2 + 1))
        }
        // Each action read the other's committed state, so 40 toggles end where they began.
        #expect(try first.state(of: "shared").reviewed == false)
        #expect(try second.auditTrail(of: "shared").count == 40)
        #expect(try first.pragma("integrity_check") == "ok")
    }

    @Test func committedWithoutCloseIsVisibleAndDurable() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("state.sqlite")
        // The writer is never closed, as after SIGKILL; a new connection must see every commit.
        let writer = try TriageStore(path: path)
        try writer.apply(.close(.truePositive, reason: "confirmed"), to: ["x"], analyst: "ana", time: 1)
        let reader = try TriageStore(path: path)
        #expect(try reader.state(of: "x").disposition == .truePositive)
        #expect(try writer.pragma("journal_mode") == "wal")
        #expect(try writer.pragma("synchronous") == "2")
        #expect(try writer.pragma("busy_timeout") == "10000")
        #expect(try writer.pragma("user_version") == String(TriageStore.schemaVersion))
        withExtendedLifetime(writer) {}
    }

    @Test func unwritableLocationNamesThePath() throws {
        let directory = try ScratchDirectory()
        let blocker = directory.file("not-a-directory")
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8)))
        let path = blocker + "/state.sqlite"
        do {
            _ = try TriageStore(path: path)
            Issue.record("opening under a regular file should fail")
        } catch {
            #expect(error.description.contains(path))
        }
    }

    @Test func corruptFileIsReported() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("state.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x41, count: 4096)))
        do {
            _ = try TriageStore(path: path)
            Issue.record("a non-database file should not open")
        } catch {
            guard case .notADatabase(let reported, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(reported == path)
        }
    }

    @Test func newerSchemaIsRefused() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("state.sqlite")
        try TriageStore(path: path).connection.execute("PRAGMA user_version=99")
        #expect(throws: TriageStoreError.newerSchema(path: path, version: 99)) { try TriageStore(path: path) }
    }

    @Test func defaultPathFollowsXDG() {
        #expect(
            StateLocation.defaultDatabasePath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])
                == "/s/trailtriage/state.sqlite")
        #expect(
            StateLocation.defaultDatabasePath(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"])
                == "/h/.local/state/trailtriage/state.sqlite")
        #expect(StateLocation.analyst(override: nil, environment: ["USER": "ana"]) == "ana")
        #expect(StateLocation.analyst(override: "bob", environment: ["USER": "ana"]) == "bob")
    }
}
