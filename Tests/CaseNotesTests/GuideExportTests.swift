import DetectionRules
import Foundation
import TestSupport
import Testing
import TrailTriageJSON
import TriageTestSupport

@testable import CaseNotes
@testable import TriageModel

/// Case notes carry each guide step whole: its detail lines as sub-items with the guide's
/// emphasis and code rendered as Markdown of our own, then the false-positive and response notes.
@Suite struct GuideExportTests {
    static let guide = GuideSnapshot(
        steps: ["Identify the actor", "Check the roles"],
        stepDetails: [
            ["Read `aws.cloudtrail.user_identity.arn` and **compare** it with source.ip.", "Ask *who* approved it."],
            ["List [the roles](https://example.com/roles) granted."],
        ],
        falsePositiveNotes: ["Onboarding: teams add **partner** profiles"],
        responseSteps: ["Disable the profile with `DisableProfile`"])

    func item(guide: GuideSnapshot = guide, state: TriageState = .untouched) throws -> CaseNotesExporter.Item {
        var record = TestEvents.record(
            try TestEvents.document(TestEvents.createUser(role: "api-deployer", session: "build-42")))
        record.guide = guide
        return .init(record: record, state: state, audit: [])
    }

    @Test func markdownListsEachStepsDetailsWithTheirStyles() throws {
        let done = TriageAction.setStepDone(StepKey(index: 0, title: "Identify the actor"), true).applied(
            to: .untouched)
        let markdown = CaseNotesExporter(format: .markdown).export([try item(state: done)])
        let expected = """
            - [x] 1\\. Identify the actor
              - Read `aws.cloudtrail.user_identity.arn` and **compare** it with `source.ip`\\.
              - Ask *who* approved it\\.
            - [ ] 2\\. Check the roles
              - List the roles \\(https\\:\\/\\/example\\.com\\/roles\\) granted\\.

            ### False positives

            - Onboarding\\: teams add **partner** profiles

            ### Response

            - Disable the profile with `DisableProfile`
            """
        #expect(markdown.contains(expected), "\(markdown)")
    }

    @Test func jsonChecklistCarriesPlainDetails() throws {
        let json = CaseNotesExporter(format: .json).export([try item()])
        let parsed = try JSONParser.parse(Array(json.utf8))
        let object = try #require(parsed.arrayValue?.first)
        let steps = try #require(object["triage.checklist"]?.arrayValue)
        #expect(
            steps[0]["details"]?.arrayValue?.compactMap(\.stringValue) == [
                "Read aws.cloudtrail.user_identity.arn and compare it with source.ip.", "Ask who approved it.",
            ])
        #expect(
            steps[1]["details"]?.arrayValue?.compactMap(\.stringValue) == [
                "List the roles (https://example.com/roles) granted."
            ])
        #expect(
            object["triage.false_positive_notes"]?.arrayValue?.compactMap(\.stringValue) == [
                "Onboarding: teams add partner profiles"
            ])
        #expect(
            object["triage.response_steps"]?.arrayValue?.compactMap(\.stringValue) == [
                "Disable the profile with DisableProfile"
            ])
    }

    /// Guide text is rule-file input: it can style itself but forge nothing else.
    @Test func hostileGuideTextForgesNoStructure() throws {
        let hostile = [
            "# heading", "- [x] ticked", "[a](http://evil.example)", "<script>x</script>", "\u{1B}[31mred",
            "**bold `code` and [link](javascript:alert(1))**", "1. item", "> quote", "| a | b |",
        ]
        let guide = GuideSnapshot(
            steps: ["Step"], stepDetails: [hostile], falsePositiveNotes: hostile, responseSteps: hostile)
        let markdown = CaseNotesExporter(format: .markdown).export([try item(guide: guide)])
        let allowedStarts = ["#", "- ", "  - ", "> ", ">", "`", ""]
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(allowedStarts.contains { line.hasPrefix($0) }, "unexpected line start: \(line)")
            #expect(!line.unicodeScalars.contains { UnsafeText.needsEscaping($0) })
        }
        #expect(!markdown.contains("<script>"))
        #expect(!markdown.contains("](http"))
        #expect(markdown.split(separator: "\n").filter { $0.hasPrefix("- [x]") || $0.hasPrefix("- [ ]") }.count == 1)
        guard CommonMarkRenderer.isAvailable else { return }
        let rendering = try #require(try CommonMarkRenderer.render([markdown]).first)
        for token in ["link_open", "html_inline", "html_block", "image", "table_open"] {
            #expect(!rendering.structure.contains { $0.hasPrefix(token) }, "\(token) rendered")
        }
    }

    static let upstreamMessage: Comment = "needs ../shared/corpus/elastic-detection-rules-aws and python3 markdown_it"

    /// Every upstream guide, exported and rendered by a CommonMark implementation: each step's
    /// detail is there (its prose as text, its code as code spans), and no marker shows as text.
    @Test(.enabled(if: RepositoryPaths.hasUpstreamRules && CommonMarkRenderer.isAvailable, upstreamMessage))
    func everyUpstreamGuideExportsWhole() throws {
        let rules = RuleLoader.load(paths: [RepositoryPaths.upstreamRules]).rules.filter { $0.note != nil }
        #expect(rules.count > 150)
        let exporter = CaseNotesExporter(format: .markdown)
        let items = try rules.map { try item(guide: GuideSnapshot(rule: $0)) }
        let renderings = try CommonMarkRenderer.render(items.map { exporter.export([$0]) })
        try #require(renderings.count == rules.count)
        for (rule, (item, rendering)) in zip(rules, zip(items, renderings)) {
            let text = Self.words(rendering.texts.joined(separator: " "))
            let code = Set(rendering.codeSpans)
            let guideTexts = item.record.guide.stepDetails.joined() + item.record.guide.responseSteps
            for detail in guideTexts {
                for run in GuideText(markdown: detail).runs {
                    if run.style.contains(.code) || run.style.contains(.field) {
                        #expect(code.contains(run.text), "\(rule.sourcePath): \(run.text) not a code span")
                    } else if !Self.words(run.text).isEmpty {
                        #expect(text.contains(Self.words(run.text)), "\(rule.sourcePath): lost \(run.text)")
                    }
                }
            }
            for shown in rendering.texts {
                #expect(!shown.contains("**") && !shown.contains("`"), "\(rule.sourcePath): markup in \(shown)")
            }
            #expect(!rendering.structure.contains { $0.hasPrefix("link_open") || $0.hasPrefix("html") })
        }
    }

    static func words(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
