import Foundation
import TestSupport
import Testing

/// Related activity in a real terminal: it opens on the alert's own event, Enter drills into
/// another event, Esc comes back to the list of events and then to the alerts.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed: related activity tests skipped"))
struct ConsoleRelatedEndToEndTests {
    static let fixtures = RepositoryPaths.fixtures + "/seed-rules"

    @Test func relatedOpensOnTheAlertsEventAndDrillsIntoAnotherAndBack() throws {
        let scratch = try ScratchDirectory()
        let tmux = try TmuxSession()
        try tmux.start(
            [CommandRunner.executable, Self.fixtures, "--db", scratch.file("state.sqlite"), "--analyst", "e2e"],
            in: scratch.path)
        try tmux.waitFor("of 5 alerts", "roleArns")
        try tmux.press("A")
        var screen = try tmux.waitFor("Related activity", "Enter opens")
        // The selected row (the alert's own event) carries the ▶ mark.
        #expect(screen.contains("▶"))
        // One up from the alert's CreateProfile is the CreateTrustAnchor that preceded it.
        try tmux.press("k", "Enter")
        screen = try tmux.waitFor("Related event", "CreateTrustAnchor · ★ follow-up")
        #expect(screen.contains("partner-ca"))
        try tmux.press("Escape")
        screen = try tmux.waitFor("Related activity", "Enter opens")
        #expect(!screen.contains("Related event"))
        try tmux.press("Escape")
        try tmux.waitFor("Detail")
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0)
    }
}
