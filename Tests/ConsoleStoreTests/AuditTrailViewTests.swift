import ConsoleStore
import ConsoleTestSupport
import TerminalGrid
import TestSupport
import Testing

@testable import ConsoleUI
@testable import TriageModel
@testable import TriageStore

/// `H` shows the selected alert's audit trail from the store: who did what, and when.
@Suite struct AuditTrailViewTests {
    @Test func theTrailNamesEachAnalystActionAndTime() throws {
        var (directory, ana, bob) = try TwoConsoleTests.consoles()
        ana.press(.key("a"))
        bob.poll()
        bob.press(.key("r"))
        ana.poll()
        ana.press(.key("H"))
        guard case .audit(let uuid, let entries)? = ana.state.overlay else {
            Issue.record("the audit trail did not open")
            return
        }
        #expect(uuid == TwoConsoleTests.profile)
        #expect(entries.map(\.analyst) == ["ana", "bob"])
        let screen = ana.state.screen.joined(separator: "\n")
        #expect(screen.contains("Audit trail"))
        #expect(screen.contains(TimeText.dateTime(TwoConsoleTests.anaTime) + " ana"))
        #expect(screen.contains(TimeText.dateTime(TwoConsoleTests.anaTime + 60_000) + " bob"))
        #expect(screen.contains("2 actions, oldest first"))
        ana.press(.escape)
        #expect(ana.state.overlay == nil)
        withExtendedLifetime(directory) {}
    }
}
