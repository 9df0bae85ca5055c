import ConsoleStore
import ConsoleTestSupport
import TerminalGrid
import TestSupport
import Testing

@testable import ConsoleUI
@testable import TriageModel
@testable import TriageStore

/// Notes typed and not saved reach the database as they are typed, and a later session on the
/// same alerts gets them back, as if the first one had been killed mid-sentence.
@Suite struct NoteDraftKeeperTests {
    static let time: Int64 = 1_773_400_000_000

    /// A console as the app runs it: state, triage effects and the draft keeper on one store.
    struct Session {
        var state: ConsoleState
        var effects: ConsoleStoreEffects
        var keeper: NoteDraftKeeper

        init(path: String, analyst: String = "ana") throws {
            let store = try TriageStore(path: path)
            state = ConsoleState(
                analyst: analyst, now: NoteDraftKeeperTests.time, size: TerminalSize(rows: 40, columns: 120))
            effects = ConsoleStoreEffects(store: store)
            keeper = NoteDraftKeeper(store: store)
            let loaded = effects.load(TestAlerts.all, into: &state)
            try #require(loaded)
            let restored = keeper.restore(into: &state)
            try #require(restored)
        }

        mutating func keys(_ keys: [KeyEvent], at instant: ContinuousClock.Instant) {
            for key in keys {
                for effect in state.handle(key) {
                    _ = effects.perform(effect, on: &state, time: NoteDraftKeeperTests.time)
                }
                keeper.keep(&state, now: instant)
            }
        }

        mutating func type(_ text: String, at instant: ContinuousClock.Instant) {
            keys(text.map { .character($0) }, at: instant)
        }
    }

    @Test func aDraftOpenInTheEditorIsOnDiskAndComesBackInTheNextSession() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("state.sqlite")
        var first = try Session(path: path)
        let uuid = try #require(first.state.selectedUUID)
        let start = ContinuousClock.now
        first.keys([.character("m")], at: start)
        first.type("Key came from the CI runner", at: start)
        // Typed within one interval of the first write: only the first letter is on disk yet.
        #expect(try first.keeper.store.noteDrafts(analyst: "ana")[uuid]?.text == "K")
        // The next tick after the interval writes the rest, with the editor still open.
        first.keeper.keep(&first.state, now: start + NoteDraftKeeper.interval)
        #expect(try first.keeper.store.noteDrafts(analyst: "ana")[uuid]?.text == "Key came from the CI runner")
        // The first session ends here without saving (a signal or SIGKILL).

        var second = try Session(path: path)
        #expect(second.state.drafts[uuid] == "Key came from the CI runner")
        #expect(second.state.message?.text.contains("Unsaved notes from last time are back on 1 alert") == true)
        #expect(try TriageStore(path: path).state(of: uuid).notes == "", "a draft is not a saved note")
        second.keys([.character("m")], at: start)
        guard case .note(uuid, let input)? = second.state.prompt else {
            Issue.record("the note editor did not open")
            return
        }
        #expect(input.text == "Key came from the CI runner")
        // Saved: the note is stored and its draft is gone from disk.
        second.keys([.control("d")], at: start + .seconds(1))
        #expect(try TriageStore(path: path).state(of: uuid).notes == "Key came from the CI runner")
        #expect(try TriageStore(path: path).noteDrafts(analyst: "ana").isEmpty)
    }

    @Test func draftsAreKeptPerAnalystAndOnlyForLoadedAlerts() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("state.sqlite")
        let store = try TriageStore(path: path)
        try store.updateNoteDrafts(
            ["not-loaded-alert": NoteDraft(text: "elsewhere", baseVersion: 0)], removing: [], analyst: "ana",
            time: Self.time)
        var ana = try Session(path: path)
        var bob = try Session(path: path, analyst: "bob")
        let uuid = try #require(ana.state.selectedUUID)
        ana.keys([.character("m")], at: .now)
        ana.type("ana's text", at: .now)
        ana.keys([.escape], at: .now + .seconds(1))
        bob.keys([.character("m")], at: .now)
        bob.type("bob's text", at: .now)
        ana.keeper.keep(&ana.state, now: .now + .seconds(2))
        bob.keeper.keep(&bob.state, now: .now + .seconds(2))
        let anaDrafts = try store.noteDrafts(analyst: "ana")
        #expect(anaDrafts[uuid]?.text == "ana's text")
        #expect(
            anaDrafts["not-loaded-alert"]?.text == "elsewhere", "an alert this session did not load keeps its draft")
        #expect(try store.noteDrafts(analyst: "bob")[uuid]?.text == "bob's text")

        // Typing the text back to the stored note (empty) drops the draft from disk.
        bob.keys(Array(repeating: .backspace, count: "bob's text".count), at: .now + .seconds(3))
        bob.keeper.keep(&bob.state, now: .now + .seconds(4))
        #expect(try store.noteDrafts(analyst: "bob").isEmpty)
    }
}
