import ConsoleStore
import ConsoleTestSupport
import TerminalGrid
import TestSupport
import Testing

@testable import ConsoleUI
@testable import TriageModel
@testable import TriageStore

/// The step-note and close-reason prompts against a real store: each stays open with its text
/// until the save commits, and text left after a failed or refused save comes back as a draft.
@Suite struct PromptSaveTests {
    typealias Console = TwoConsoleTests.Console
    static let profile = TwoConsoleTests.profile
    static let firstStep = StepKey(index: 0, title: "Identify the actor")
    /// Longer than the free space left in the database once it cannot grow.
    static let longText =
        "session traced to the build host "
        + String(repeating: "and its runner ", count: 2_000) + "at last"

    static func fillDisk(_ console: Console) throws {
        try console.store.connection.execute("PRAGMA max_page_count=1")
    }

    static func freeDisk(_ console: Console) throws {
        try console.store.connection.execute("PRAGMA max_page_count=1073741823")
    }

    @Test func failedStepNoteSaveKeepsThePromptAndEscKeepsADraft() throws {
        var (directory, _, bob) = try TwoConsoleTests.consoles()
        bob.press(.tab, .tab, .enter)
        bob.type(Self.longText)
        try Self.fillDisk(bob)
        bob.press(.enter)
        #expect(bob.state.prompt == .stepNote(uuid: Self.profile, step: Self.firstStep, TextInput(Self.longText)))
        let message = try #require(bob.state.message)
        #expect(message.kind == .error)
        #expect(message.text.contains("database or disk is full"))
        #expect(message.text.contains("Enter retries"))
        // The message shows beside the end of the long entry.
        #expect(bob.state.screen.last?.contains("at last▏  Not saved:") == true)

        bob.press(.escape)
        #expect(bob.state.prompt == nil)
        #expect(bob.state.stepNoteDrafts[StepNoteKey(uuid: Self.profile, step: Self.firstStep)] == Self.longText)
        #expect(bob.state.hasUnsavedNotes)
        try Self.freeDisk(bob)
        // Enter on the same step offers the text back; this time it is saved.
        bob.press(.enter)
        #expect(bob.state.prompt == .stepNote(uuid: Self.profile, step: Self.firstStep, TextInput(Self.longText)))
        bob.press(.enter)
        #expect(bob.state.prompt == nil)
        #expect(bob.state.stepNoteDrafts.isEmpty)
        #expect(try bob.store.state(of: Self.profile).step(Self.firstStep).note == Self.longText)
        withExtendedLifetime(directory) {}
    }

    @Test func refusedStepNoteSaveKeepsTheTextUntilSavedKnowingly() throws {
        var (directory, ana, bob) = try TwoConsoleTests.consoles()
        ana.press(.tab, .tab, .enter)
        ana.type("alice, via the console\n")
        bob.press(.tab, .tab, .enter)
        bob.type("alice from the office IP\n")
        #expect(try bob.store.state(of: Self.profile).step(Self.firstStep).note == "alice, via the console")
        #expect(
            bob.state.prompt
                == .stepNote(
                    uuid: Self.profile, step: Self.firstStep, TextInput("alice from the office IP")
                ))
        #expect(bob.state.message?.text.hasPrefix("Not saved: " + TwoConsoleTests.changedByAna) == true)
        bob.press(.enter)
        #expect(bob.state.prompt == nil)
        #expect(try bob.store.state(of: Self.profile).step(Self.firstStep).note == "alice from the office IP")
        withExtendedLifetime(directory) {}
    }

    @Test func failedCloseKeepsTheReasonAndOffersItBack() throws {
        var (directory, _, bob) = try TwoConsoleTests.consoles()
        bob.press(.key("c"), .key("2"))
        bob.type(Self.longText)
        try Self.fillDisk(bob)
        bob.press(.enter)
        #expect(bob.state.prompt == .reason(targets: [Self.profile], .benignTruePositive, TextInput(Self.longText)))
        #expect(bob.state.message?.kind == .error)
        #expect(bob.state.message?.text.contains("database or disk is full") == true)
        #expect(bob.state.selectedState?.status == .open)

        bob.press(.escape)
        #expect(bob.state.prompt == nil)
        #expect(bob.state.reasonDrafts[[Self.profile]] == Self.longText)
        try Self.freeDisk(bob)
        bob.press(.key("c"), .key("2"))
        #expect(bob.state.prompt == .reason(targets: [Self.profile], .benignTruePositive, TextInput(Self.longText)))
        bob.press(.enter)
        #expect(bob.state.prompt == nil)
        #expect(bob.state.reasonDrafts.isEmpty)
        let stored = try bob.store.state(of: Self.profile)
        #expect(stored.status == .closed)
        #expect(stored.reason == Self.longText)
        withExtendedLifetime(directory) {}
    }

    @Test func escWithoutAFailedSaveStillCancels() throws {
        var (directory, _, bob) = try TwoConsoleTests.consoles()
        bob.press(.key("c"), .key("1"))
        bob.type("not sure yet")
        bob.press(.escape)
        #expect(bob.state.reasonDrafts.isEmpty)
        #expect(bob.state.message?.text == "Close cancelled")
        bob.press(.key("c"), .key("1"))
        #expect(bob.state.prompt == .reason(targets: [Self.profile], .truePositive, TextInput()))
        withExtendedLifetime(directory) {}
    }
}
