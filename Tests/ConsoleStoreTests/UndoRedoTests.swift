import ConsoleStore
import ConsoleTestSupport
import TerminalGrid
import TestSupport
import Testing

@testable import ConsoleUI
@testable import TriageModel
@testable import TriageStore

/// Undo and redo over several of the session's actions, committed to a real store, with the
/// same version checks as any write.
@Suite struct UndoRedoTests {
    static let profile = TwoConsoleTests.profile

    @Test func severalActionsUndoAndRedoInOrder() throws {
        var (directory, ana, _) = try TwoConsoleTests.consoles()
        ana.press(.key("r"), .key("a"))
        ana.press(.key("m"))
        ana.type("looked at the trust anchor")
        ana.press(.control("d"))
        #expect(
            try ana.store.state(of: Self.profile)
                == TriageState(
                    reviewed: true, status: .acknowledged, notes: "looked at the trust anchor"))

        ana.press(.key("u"))
        #expect(try ana.store.state(of: Self.profile) == TriageState(reviewed: true, status: .acknowledged))
        ana.press(.key("u"))
        #expect(try ana.store.state(of: Self.profile) == TriageState(reviewed: true))
        ana.press(.key("u"))
        #expect(try ana.store.state(of: Self.profile) == .untouched)
        ana.press(.key("u"))
        #expect(ana.state.message?.text == "Nothing to undo")

        ana.press(.control("r"))
        #expect(try ana.store.state(of: Self.profile) == TriageState(reviewed: true))
        #expect(ana.state.message?.text.hasPrefix("Redone: ") == true)
        ana.press(.key("U"))
        #expect(try ana.store.state(of: Self.profile) == TriageState(reviewed: true, status: .acknowledged))
        // A new action ends the redo chain.
        ana.press(.key("c"), .key("1"))
        ana.type("benign")
        ana.press(.enter)
        ana.press(.control("r"))
        #expect(ana.state.message?.text == "Nothing to redo")
        #expect(try ana.store.state(of: Self.profile).status == .closed)
        // Each undo is in the audit trail.
        let actions = try ana.store.auditTrail(of: Self.profile).map(\.action)
        #expect(actions.filter { $0 == "undo" }.count == 5)
        withExtendedLifetime(directory) {}
    }

    @Test func undoOfAChangeSomeoneElseSupersededIsRefusedWithTheReason() throws {
        var (directory, ana, bob) = try TwoConsoleTests.consoles()
        ana.press(.key("a"))
        bob.poll()
        bob.press(.key("r"))
        ana.press(.key("u"))
        #expect(try ana.store.state(of: Self.profile) == TriageState(reviewed: true, status: .acknowledged))
        #expect(ana.state.message?.text.hasPrefix("Nothing undone: ") == true)
        #expect(ana.state.message?.text.contains("bob") == true, "the message says who changed it")
        withExtendedLifetime(directory) {}
    }
}
