import Foundation
import TestSupport
import Testing

@testable import TriageModel
@testable import TriageStore

/// Two consoles on one database: writes name the version they were based on, and a stale one is
/// refused instead of replacing the other console's work.
@Suite struct TriageStoreVersionTests {
    @Test func staleWriteIsRefusedAndReturnsTheStoredState() throws {
        let directory = try ScratchDirectory()
        let first = try TriageStore(path: directory.file("state.sqlite"))
        let second = try TriageStore(path: first.path)
        // Both consoles read "a" at version 0; the first writes, the second is now stale.
        let saved = try first.apply(
            .setNotes("ana's finding"), to: [TriageTarget(alertID: "a", version: 0)],
            analyst: "ana", time: 1_000)
        #expect(saved.entries.map(\.version) == [1])
        let stale = try second.apply(
            .setReviewed(false), to: [TriageTarget(alertID: "a", version: 0)],
            analyst: "bob", time: 2_000)
        #expect(stale.entries.isEmpty)
        #expect(stale.audit.isEmpty)
        #expect(
            stale.conflicts == [
                TriageChange.Conflict(
                    alertID: "a",
                    current: TriageRevision(
                        state: TriageState(notes: "ana's finding"), version: 1, updatedBy: "ana", updatedAt: 1_000
                    ))
            ])
        #expect(try first.revision(of: "a").version == 1)
        #expect(try first.auditTrail(of: "a").map(\.analyst) == ["ana"])
        // Based on what is stored now, the write goes through.
        let fresh = try second.apply(
            .setReviewed(true), to: [TriageTarget(alertID: "a", version: 1)],
            analyst: "bob", time: 3_000)
        #expect(fresh.conflicts.isEmpty)
        #expect(
            try first.revision(of: "a")
                == TriageRevision(
                    state: TriageState(reviewed: true, notes: "ana's finding"), version: 2, updatedBy: "bob",
                    updatedAt: 3_000
                ))
    }

    @Test func bulkWriteChecksEachAlertsVersion() throws {
        let directory = try ScratchDirectory()
        let first = try TriageStore(path: directory.file("state.sqlite"))
        let second = try TriageStore(path: first.path)
        try first.apply(
            .setStatus(.acknowledged), to: [TriageTarget(alertID: "b", version: 0)], analyst: "ana", time: 1)
        let bulk = try second.apply(
            .close(.falsePositive, reason: "role name shape"),
            to: ["a", "b", "c"].map { TriageTarget(alertID: $0, version: 0) }, analyst: "bob", time: 2
        )
        #expect(bulk.entries.map(\.alertID) == ["a", "c"])
        #expect(bulk.conflicts.map(\.alertID) == ["b"])
        #expect(try first.state(of: "b") == TriageState(status: .acknowledged))
        #expect(try first.state(of: "c").status == .closed)
    }

    @Test func undoRefusesAnAlertChangedAndChangedBackElsewhere() throws {
        let directory = try ScratchDirectory()
        let store = try TriageStore(path: directory.file("state.sqlite"))
        let other = try TriageStore(path: store.path)
        let change = try store.apply(.setReviewed(true), to: ["a"], analyst: "ana", time: 1)
        // Bob clears the mark and sets it again: the state matches the change, but it is his now.
        try other.apply(.setReviewed(false), to: ["a"], analyst: "bob", time: 2)
        try other.apply(.setReviewed(true), to: ["a"], analyst: "bob", time: 3)
        let undone = try store.undo(change, analyst: "ana", time: 4)
        #expect(undone.entries.isEmpty)
        #expect(try store.state(of: "a").reviewed)
        #expect(try store.auditTrail(of: "a").map(\.action) == ["reviewed", "reviewed", "reviewed"])
    }

    @Test func versionOneDatabaseIsMigratedInPlace() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("state.sqlite")
        do {
            // A database as the first release wrote it, with triage and audit rows.
            let old = try SQLiteConnection(path: path, create: true)
            try old.execute(TriageStore.schemaV1)
            try old.execute(
                """
                PRAGMA user_version=1;
                INSERT INTO triage(uuid, reviewed, status, disposition, reason, notes, updated_by, updated_at)
                    VALUES ('a', 1, 'closed', 'true_positive', 'confirmed', 'kept note', 'ana', 5);
                INSERT INTO audit(uuid, analyst, time, time_iso, action, detail)
                    VALUES ('a', 'ana', 5, '1970-01-01T00:00:00.005Z', 'close', 'open -> closed');
                """)
        }
        let store = try TriageStore(path: path)
        #expect(try store.pragma("user_version") == String(TriageStore.schemaVersion))
        let expected = TriageState(
            reviewed: true, status: .closed, disposition: .truePositive, reason: "confirmed",
            notes: "kept note")
        #expect(try store.state(of: "a") == expected)
        #expect(try store.revision(of: "a").version == 1)
        #expect(try store.auditTrail(of: "a").map(\.detail) == ["open -> closed"])
        // Reopening a migrated file changes nothing, and writes name the migrated version.
        let again = try TriageStore(path: path)
        let reopen = try again.apply(
            .setStatus(.open), to: [TriageTarget(alertID: "a", version: 1)], analyst: "bob", time: 6)
        #expect(reopen.conflicts.isEmpty)
        #expect(try again.revision(of: "a").version == 2)
        #expect(try again.pragma("integrity_check") == "ok")
    }
}
