import ConsoleStore
import ConsoleTestSupport
import TerminalGrid
import TestSupport
import Testing

@testable import ConsoleUI
@testable import TriageModel
@testable import TriageStore

/// Consoles on one database see each other's commits at their next poll, without ever
/// replacing text being typed; and triage that cannot be read is reported, not shown as untouched.
@Suite struct LiveSharingTests {
    typealias Console = TwoConsoleTests.Console
    static let profile = TwoConsoleTests.profile

    @Test func aWriteInOneConsoleShowsInTheOtherAfterItsPoll() throws {
        var (directory, ana, bob) = try TwoConsoleTests.consoles()
        let idle = bob.poll()
        #expect(!idle, "nothing committed since Bob loaded")
        ana.press(.key("r"))
        let ownWrite = ana.poll()
        #expect(!ownWrite, "a console's own writes are already on its screen")
        #expect(bob.state.selectedState?.reviewed == false)

        let refreshed = bob.poll()
        #expect(refreshed)
        #expect(bob.state.selectedState?.reviewed == true)
        #expect(bob.state.screen.contains { $0.contains("· reviewed") })
        let again = bob.poll()
        #expect(!again)
        // Bob now acts on what Ana did, so his r clears her mark instead of being refused.
        bob.press(.key("r"))
        #expect(bob.state.message?.kind == .success)
        #expect(try bob.store.state(of: Self.profile).reviewed == false)
        withExtendedLifetime(directory) {}
    }

    @Test func aScriptsWriteIsPickedUpToo() throws {
        var (directory, _, bob) = try TwoConsoleTests.consoles()
        let script = try TriageStore(path: directory.file("state.sqlite"))
        try script.apply(.setStatus(.acknowledged), to: ["cccc3333-ec2", "bbbb2222-fp"], analyst: "cron", time: 1)
        let refreshed = bob.poll()
        #expect(refreshed)
        #expect(bob.state.state(of: "cccc3333-ec2")?.status == .acknowledged)
        #expect(bob.state.state(of: "bbbb2222-fp")?.status == .acknowledged)
        #expect(bob.state.state(of: Self.profile)?.status == .open)
        withExtendedLifetime(directory) {}
    }

    @Test func anOpenEditorKeepsItsTextWhenTheStoredNoteChanges() throws {
        var (directory, ana, bob) = try TwoConsoleTests.consoles()
        bob.press(.key("m"))
        bob.type("bob's reading")
        ana.press(.key("m"))
        ana.type("ana's reading")
        ana.press(.control("d"))

        bob.poll()
        #expect(bob.state.prompt == .note(uuid: Self.profile, TextInput("bob's reading")))
        #expect(bob.state.message?.text.hasPrefix("The stored note was changed by ana at ") == true)
        #expect(bob.state.screen.last?.contains("The stored note was changed by ana") == true)
        // Saving is refused once, saying who wrote the note, then replaces it knowingly.
        bob.press(.control("d"))
        #expect(try bob.store.state(of: Self.profile).notes == "ana's reading")
        bob.press(.control("d"))
        #expect(bob.state.prompt == nil)
        #expect(try bob.store.state(of: Self.profile).notes == "bob's reading")
        withExtendedLifetime(directory) {}
    }

    @Test func unreadableTriageHoldsTheAlertsBackAndSaysWhy() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("state.sqlite")
        let writer = try TriageStore(path: path)
        try writer.save(TestAlerts.all)
        try writer.apply(.setStatus(.closed), to: [Self.profile], analyst: "ana", time: 1)
        try writer.connection.execute("ALTER TABLE triage RENAME TO triage_elsewhere")

        var state = ConsoleState(analyst: "bob", now: 0, size: TerminalSize(rows: 40, columns: 120))
        var effects = ConsoleStoreEffects(store: try TriageStore(path: path))
        let loaded = effects.load(TestAlerts.all, into: &state)
        #expect(!loaded)
        #expect(state.alerts.isEmpty, "alerts without their triage would all look untouched")
        let message = try #require(state.message)
        #expect(message.kind == .error)
        #expect(message.text.contains(path))
        #expect(message.text.contains("no such table: triage"))
        #expect(state.screen.last?.contains("Triage could not be read") == true)

        try writer.connection.execute("ALTER TABLE triage_elsewhere RENAME TO triage")
        let reloaded = effects.load(TestAlerts.all, into: &state)
        #expect(reloaded)
        #expect(state.state(of: Self.profile)?.status == .closed)
        withExtendedLifetime(directory) {}
    }

    @Test func aFailedRefreshIsReportedOnceAndKeepsTheScreen() throws {
        var (directory, ana, bob) = try TwoConsoleTests.consoles()
        ana.press(.key("a"))
        try ana.store.connection.execute("ALTER TABLE triage RENAME TO triage_elsewhere")
        let reported = bob.poll()
        #expect(reported)
        #expect(bob.state.message?.kind == .error)
        #expect(bob.state.message?.text.contains("could not be read") == true)
        #expect(bob.state.message?.text.contains("no such table: triage") == true)
        #expect(bob.state.alerts.count == TestAlerts.all.count)
        bob.state.message = nil
        let repeated = bob.poll()
        #expect(!repeated, "said once, not at every poll")
        try ana.store.connection.execute("ALTER TABLE triage_elsewhere RENAME TO triage")
        let recovered = bob.poll()
        #expect(recovered)
        #expect(bob.state.selectedState?.status == .acknowledged)
        withExtendedLifetime(directory) {}
    }

    /// The state update alone: only alerts whose version moved change, the list re-filters,
    /// and the selection and marks stay.
    @Test func storedTriageUpdatesStatesAndKeepsSelectionAndMarks() {
        var state = TestAlerts.console()
        state.press(.key("f"))  // status filter: open alerts only
        state.press(.key("j"), .key(" "))
        state.message = nil
        let selected = state.selectedUUID
        #expect(state.visible.count == 4)
        #expect(state.marks.count == 1)

        state.didReadStoredTriage([
            "dddd4444-hostile": TriageRevision(
                state: TriageState(status: .closed, disposition: .truePositive, reason: "confirmed"), version: 3,
                updatedBy: "ana", updatedAt: 1
            )
        ])
        #expect(state.state(of: "dddd4444-hostile")?.status == .closed)
        #expect(state.version(of: "dddd4444-hostile") == 3)
        #expect(state.visible.count == 3, "the closed alert leaves the open-only list")
        #expect(state.selectedUUID == selected)
        #expect(state.marks.count == 1)
        #expect(state.message == nil)

        // A revision at the version already shown changes nothing.
        state.didReadStoredTriage(["dddd4444-hostile": TriageRevision(state: .untouched, version: 3)])
        #expect(state.state(of: "dddd4444-hostile")?.status == .closed)
    }
}
