import ConsoleTestSupport
import DetectionRules
import Foundation
import TerminalGrid
import TestSupport
import Testing
import TriageModel

@testable import ConsoleUI

/// The checklist shows each step whole: its detail lines wrapped to the pane, fields and code
/// styled, markup rendered and never printed, ticks and notes still on their steps.
@Suite struct GuideSidebarTests {
    /// Written for these tests in the upstream shapes: bold pseudo-heading paragraphs owning a
    /// list, bold list items with nested bullets, fields bare and in code, a link.
    static let markdown = """
        ## Triage and analysis

        ### Investigating Profile Creation

        A profile lets certificates from a trust anchor become role sessions.

        #### Possible investigation steps

        **Identify the actor**:
          - Read `aws.cloudtrail.user_identity.arn` and `user_agent.original` to see who called.
          - Check aws.cloudtrail.user_identity.access_key_id against the key inventory.

        - **Review the roles** the profile can hand out
          - List `roleArns` in `aws.cloudtrail.request_parameters`; *admin* roles matter most.
        - **Find the trust anchor**: look for `CreateTrustAnchor` by the same actor.

        ### False positive analysis

        - **Onboarding**: platform teams onboard partners; see [the runbook](https://example.com/runbook).

        ### Response and remediation

        - **Disable the profile** with `DisableProfile` and review `source.ip` history.
        """

    static func snapshot(of guide: InvestigationGuide) -> GuideSnapshot {
        GuideSnapshot(
            steps: guide.steps.map(\.title), stepDetails: guide.steps.map(\.details),
            falsePositiveNotes: guide.falsePositiveNotes, responseSteps: guide.responseSteps,
            investigationFields: ["@timestamp", "user.name"])
    }

    static func console(guide: GuideSnapshot, size: TerminalSize, states: [String: TriageState] = [:])
        -> ConsoleState
    {
        var record = TestAlerts.profile
        record.guide = guide
        return ConsoleState(alerts: [record], states: states, analyst: "analyst1", now: 1_773_400_000_000, size: size)
    }

    @Test(arguments: [TerminalSize(rows: 24, columns: 80), TerminalSize(rows: 50, columns: 200)])
    func stepsWithTheirDetailsAtBothSizes(_ size: TerminalSize) {
        var state = Self.console(guide: Self.snapshot(of: InvestigationGuide(markdown: Self.markdown)), size: size)
        state.press(.tab, .tab)
        #expect(state.focus == .sidebar)
        let buffer = ConsoleRenderer.render(state, size: size)
        assertSnapshot(buffer, named: "guide-details-\(size.columns)x\(size.rows)")
        let text = buffer.textLines.joined(separator: "\n")
        #expect(text.contains("1. Identify the actor"))
        #expect(text.contains(size.columns == 200 ? "· Read aws.cloudtrail.user_identity.arn" : "· Read"))
        #expect(text.contains(size.columns == 200 ? "· look for CreateTrustAnchor" : "user_identity.arn and"))
        for marker in ["**", "`", "](", "[x]"] { #expect(!text.contains(marker), "\(marker) on screen") }
    }

    @Test func fieldsCodeAndEmphasisHaveTheirStyles() {
        let record = { () -> AlertRecord in
            var record = TestAlerts.profile
            record.guide = Self.snapshot(of: InvestigationGuide(markdown: Self.markdown))
            return record
        }()
        let lines = SidebarContent.lines(for: record, state: .untouched, cursor: 0, focused: true, width: 60).lines
        let spans = lines.flatMap(\.spans)
        #expect(spans.contains(Span("aws.cloudtrail.user_identity.arn", .field)))
        #expect(spans.contains(Span("aws.cloudtrail.user_identity.access_key_id", .field)))
        #expect(spans.contains(Span("roleArns", .field)) == false)
        #expect(spans.contains(Span("roleArns", .code)))
        #expect(spans.contains(Span("admin", .emphasis)))
        #expect(spans.contains { $0.style == .emphasis && $0.text.contains("runbook") })
        #expect(spans.contains { $0.style == .code && $0.text.contains("https://example.com/runbook") })
        #expect(spans.contains(Span("source.ip", .field)))
        #expect(lines.allSatisfy { TextLayout.width(of: $0.text) <= 60 })
    }

    @Test func hiddenCharactersInAGuideAreShownEscaped() {
        var record = TestAlerts.profile
        record.guide = GuideSnapshot(steps: ["Check"], stepDetails: [["Read `user.name`\u{1B}[31m now \u{202E}x"]])
        let lines = SidebarContent.lines(for: record, state: .untouched, cursor: 0, focused: true, width: 80).lines
        let escaped = lines.flatMap(\.spans).filter { $0.style == .escaped }
        #expect(!escaped.isEmpty)
        var buffer = ScreenBuffer(size: TerminalSize(rows: 10, columns: 80))
        for (row, line) in lines.enumerated() { buffer.draw(line, row: row, left: 0, width: 80) }
        let screen = buffer.textLines.joined()
        #expect(!screen.unicodeScalars.contains("\u{1B}"))
        #expect(!screen.unicodeScalars.contains("\u{202E}"))
    }

    /// A tick and a step note stored against a step before details were kept (same index and
    /// title) stay on that step now that it shows its details.
    @Test func storedTicksAndNotesFromTheOldStepIdentityStillMatch() {
        let guide = Self.snapshot(of: InvestigationGuide(markdown: Self.markdown))
        let oldKey = StepKey(index: 1, title: "Review the roles the profile can hand out")
        #expect(guide.stepKeys[1] == oldKey)
        let stored = TriageState(checklist: [ChecklistStep(key: oldKey, isDone: true, note: "two admin roles")])
        let size = TerminalSize(rows: 50, columns: 200)
        let state = Self.console(guide: guide, size: size, states: [TestAlerts.profile.uuid: stored])
        let text = state.screen.joined(separator: "\n")
        #expect(text.contains("[x] 2. Review the roles the profile can hand out"))
        #expect(text.contains("note: two admin roles"))
        #expect(text.contains("Investigation 1/3"))
    }

    static let upstreamMessage: Comment = "needs ../shared/corpus/elastic-detection-rules-aws next to the checkout"

    /// Every upstream guide's sidebar at the 80x24 and 200x50 pane widths: every detail word is
    /// there, no line is wider than the pane, no Markdown marker is printed.
    @Test(.enabled(if: RepositoryPaths.hasUpstreamRules, upstreamMessage))
    func everyUpstreamGuideIsShownWhole() {
        let result = RuleLoader.load(paths: [RepositoryPaths.upstreamRules])
        #expect(result.errors.isEmpty)
        var withDetails = 0
        for rule in result.rules {
            var record = TestAlerts.profile
            record.guide = GuideSnapshot(rule: rule)
            guard !record.guide.stepDetails.joined().isEmpty else { continue }
            withDetails += 1
            for size in [TerminalSize(rows: 24, columns: 80), TerminalSize(rows: 50, columns: 200)] {
                let width = ConsoleLayout(size: size).sidebar.width
                let lines = SidebarContent.lines(
                    for: record, state: .untouched, cursor: 0, focused: true, width: width
                ).lines
                let shown = Self.words(lines.map(\.text).joined(separator: " "))
                for detail in record.guide.stepDetails.joined() {
                    let words = Self.words(GuideText(markdown: detail).plain)
                    #expect(shown.contains(words), "\(rule.sourcePath): detail missing at \(width): \(detail)")
                }
                for line in lines {
                    #expect(TextLayout.width(of: line.text) <= width, "\(rule.sourcePath): too wide")
                    #expect(!line.text.contains("**") && !line.text.contains("`"), "\(rule.sourcePath): \(line.text)")
                }
            }
        }
        #expect(withDetails > 130)
    }

    /// Letters and digits only: a long word cut at the pane's edge still reads the same.
    static func words(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
