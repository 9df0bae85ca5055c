import DetectionRules
import Foundation
import TestSupport
import Testing

/// An upstream rule's investigation guide in a real terminal: every step, walked with `j` in the
/// checklist, shows its title and all its detail lines. The guide is read from `../shared` at
/// test time, so none of Elastic's text is in this repository.
@Suite(
    .serialized,
    .enabled(if: TmuxSession.isAvailable, "tmux is not installed: guide end-to-end test skipped"),
    .enabled(if: RepositoryPaths.hasUpstreamRules, "needs ../shared/corpus/elastic-detection-rules-aws")
)
struct GuideEndToEndTests {
    static let rulePath =
        RepositoryPaths.upstreamRules + "/rules/integrations/aws/persistence_iam_roles_anywhere_profile_created.toml"

    @Test func wholeUpstreamGuideWithItsSubStepsIsOnScreen() throws {
        let rule = try #require(RuleLoader.load(paths: [Self.rulePath]).rules.first)
        let guide = try #require(rule.investigationGuide)
        let steps = guide.steps
        try #require(steps.count >= 3 && steps.allSatisfy { !$0.details.isEmpty }, "the guide has sub-steps")

        let scratch = try ScratchDirectory()
        let tmux = try TmuxSession(columns: 200, rows: 50)
        try tmux.start(
            [
                CommandRunner.executable, RepositoryPaths.fixtures + "/seed-rules", "--rules", Self.rulePath, "--db",
                scratch.file("state.sqlite"), "--analyst", "e2e",
            ],
            in: scratch.path)
        try tmux.waitFor("Investigation 0/\(steps.count)", "CreateProfile")
        try tmux.press("Tab", "Tab")
        for (index, step) in steps.enumerated() {
            if index > 0 { try tmux.press("j") }
            let screen = try tmux.waitFor("▸ [ ] \(index + 1). ")
            let sidebar = Self.words(Self.sidebar(of: screen))
            #expect(sidebar.contains(Self.words(step.title)), "step \(index + 1) title not on screen:\n\(screen)")
            for detail in step.details {
                let words = Self.words(GuideText(markdown: detail).plain)
                #expect(sidebar.contains(words), "step \(index + 1) detail not on screen: \(detail)\n\(screen)")
            }
            for marker in ["**", "`"] { #expect(!screen.contains(marker), "\(marker) on screen:\n\(screen)") }
        }
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0)
    }

    /// The checklist pane: what follows the detail pane's vertical rule on each row.
    static func sidebar(of screen: String) -> String {
        screen.split(separator: "\n").compactMap { line in
            line.firstIndex(of: "│").map { String(line[line.index(after: $0)...]) }
        }.joined(separator: " ")
    }

    /// Letters and digits only: wrapping and cut words still read the same.
    static func words(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
