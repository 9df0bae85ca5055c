import ConsoleStore
import ConsoleTestSupport
import TerminalGrid
import TestSupport
import Testing

@testable import ConsoleUI
@testable import TriageModel
@testable import TriageStore

/// Two consoles on one database file, each with its own store, its effects carried out by the
/// same code the app uses. The second console opens first and is stale whenever the first acts.
@Suite struct TwoConsoleTests {
    static let profile = "aaaa1111-profile"
    static let anaTime: Int64 = 1_773_400_000_000

    /// One console: its state and the store its effects run against, at a fixed clock.
    struct Console {
        var state: ConsoleState
        var effects: ConsoleStoreEffects
        var time: Int64

        /// Loads the alerts with their stored triage, as the app does when its scan finishes.
        init(path: String, analyst: String, time: Int64) throws {
            state = ConsoleState(analyst: analyst, now: time, size: TerminalSize(rows: 40, columns: 120))
            effects = ConsoleStoreEffects(store: try TriageStore(path: path))
            self.time = time
            try #require(effects.load(TestAlerts.all, into: &state))
        }

        /// One tick of the app's run loop: picks up what other consoles committed.
        @discardableResult
        mutating func poll() -> Bool {
            effects.refreshIfChanged(&state)
        }

        mutating func press(_ keys: KeyEvent...) {
            for key in keys { run(state.handle(key)) }
        }

        mutating func type(_ text: String) {
            for character in text { run(state.handle(character == "\n" ? .enter : .character(character))) }
        }

        private mutating func run(_ list: [ConsoleEffect]) {
            for effect in list { _ = effects.perform(effect, on: &state, time: time) }
        }

        var store: TriageStore { effects.store }
    }

    /// A database with the test alerts saved, and console B opened on it before A acts.
    static func consoles() throws -> (ScratchDirectory, Console, Console) {
        let directory = try ScratchDirectory()
        let path = directory.file("state.sqlite")
        try TriageStore(path: path).save(TestAlerts.all)
        let bob = try Console(path: path, analyst: "bob", time: anaTime + 60_000)
        let ana = try Console(path: path, analyst: "ana", time: anaTime)
        return (directory, ana, bob)
    }

    static let changedByAna = "changed by ana at \(TimeText.dateTime(anaTime)) in another console; refreshed"

    @Test func staleReviewedToggleIsRefusedAndRefreshed() throws {
        var (directory, ana, bob) = try Self.consoles()
        ana.press(.key("m"))
        ana.type("PKI team confirmed")
        ana.press(.control("d"), .key("r"))
        #expect(ana.state.selectedState == TriageState(reviewed: true, notes: "PKI team confirmed"))

        // Bob's screen still shows the alert untouched; his r must not clear Ana's mark.
        bob.press(.key("r"))
        #expect(try bob.store.state(of: Self.profile) == TriageState(reviewed: true, notes: "PKI team confirmed"))
        #expect(bob.state.message == StatusMessage("Not saved: " + Self.changedByAna, kind: .warning))
        #expect(bob.state.selectedState == TriageState(reviewed: true, notes: "PKI team confirmed"))
        #expect(bob.state.screen.contains { $0.contains("✓2026-03-10 09:00:00") })
        // Now that Bob sees the mark, r clears it on purpose.
        bob.press(.key("r"))
        #expect(try bob.store.state(of: Self.profile).reviewed == false)
        withExtendedLifetime(directory) {}
    }

    @Test func noteEditorOpensOnTheStoredNoteNotTheStaleCopy() throws {
        var (directory, ana, bob) = try Self.consoles()
        ana.press(.key("m"))
        ana.type("first finding")
        ana.press(.control("d"))
        bob.press(.key("m"))
        #expect(bob.state.prompt == .note(uuid: Self.profile, TextInput("first finding")))
        bob.type("; second opinion")
        bob.press(.control("d"))
        #expect(bob.state.prompt == nil)
        #expect(try bob.store.state(of: Self.profile).notes == "first finding; second opinion")
        withExtendedLifetime(directory) {}
    }

    @Test func noteSaveOverANewerNoteIsRefusedAndTheTextKept() throws {
        var (directory, ana, bob) = try Self.consoles()
        bob.press(.key("m"))
        bob.type("bob's view")
        ana.press(.key("m"))
        ana.type("ana's view")
        ana.press(.control("d"))

        bob.press(.control("d"))
        #expect(try bob.store.state(of: Self.profile).notes == "ana's view")
        #expect(bob.state.prompt == .note(uuid: Self.profile, TextInput("bob's view")))
        #expect(bob.state.message?.text.hasPrefix("Not saved: " + Self.changedByAna) == true)
        #expect(bob.state.screen.last?.contains("Not saved: changed by ana") == true)
        // Told, Bob saves again and replaces the note knowingly.
        bob.press(.control("d"))
        #expect(bob.state.prompt == nil)
        #expect(try bob.store.state(of: Self.profile).notes == "bob's view")
        withExtendedLifetime(directory) {}
    }

    @Test func bulkActionReportsHowManyWereRefused() throws {
        var (directory, ana, bob) = try Self.consoles()
        ana.press(.key("a"))
        bob.press(.key("b"), .key("c"), .key("3"))
        bob.type("role name shape\n")
        bob.press(.key("y"))
        #expect(try bob.store.state(of: Self.profile) == TriageState(status: .acknowledged))
        #expect(
            bob.state.message
                == StatusMessage(
                    "3 alerts, close; 1 refused: " + Self.changedByAna, kind: .warning
                ))
        #expect(bob.state.state(of: Self.profile)?.status == .acknowledged)
        #expect(try bob.store.state(of: "bbbb2222-fp").status == .closed)
        withExtendedLifetime(directory) {}
    }

    @Test func undoLeavesAnAlertChangedInAnotherConsole() throws {
        var (directory, ana, bob) = try Self.consoles()
        bob.press(.key("a"))
        // Ana's console read the alert before Bob acknowledged it, so she refreshes first.
        ana.press(.key("c"), .key("1"))
        ana.type("confirmed\n")
        #expect(
            ana.state.message?.text.hasPrefix(
                "Not saved: changed by bob at \(TimeText.dateTime(bob.time)) in another console; refreshed"
            ) == true)
        // Her reason is still in the prompt; Enter closes over Bob's acknowledgement.
        ana.press(.enter)
        #expect(try ana.store.state(of: Self.profile).status == .closed)

        bob.press(.key("u"))
        #expect(bob.state.message == StatusMessage("Nothing undone: " + Self.changedByAna, kind: .warning))
        #expect(try bob.store.state(of: Self.profile).status == .closed)
        #expect(bob.state.selectedState?.status == .closed)
        withExtendedLifetime(directory) {}
    }

    @Test func failedNoteSaveKeepsTheEditorOpenAndSaysWhy() throws {
        var (directory, _, bob) = try Self.consoles()
        let note = "long finding " + String(repeating: "detail ", count: 3_000)
        bob.press(.key("m"))
        bob.type(note)
        // The database cannot grow, as on a full disk.
        try bob.store.connection.execute("PRAGMA max_page_count=1")
        bob.press(.control("d"))
        #expect(bob.state.prompt == .note(uuid: Self.profile, TextInput(note)))
        let message = try #require(bob.state.message)
        #expect(message.kind == .error)
        #expect(message.text.contains("database or disk is full"))
        #expect(message.text.contains("Ctrl-D retries"))
        #expect(bob.state.hasUnsavedNotes)
        // Esc keeps it as a draft that m resumes; once there is room, Ctrl-D saves it.
        bob.press(.escape)
        #expect(bob.state.drafts[Self.profile] == note)
        try bob.store.connection.execute("PRAGMA max_page_count=1073741823")
        bob.press(.key("m"))
        #expect(bob.state.prompt == .note(uuid: Self.profile, TextInput(note)))
        bob.press(.control("d"))
        #expect(bob.state.prompt == nil)
        #expect(!bob.state.hasUnsavedNotes)
        #expect(try bob.store.state(of: Self.profile).notes == note)
        withExtendedLifetime(directory) {}
    }
}
