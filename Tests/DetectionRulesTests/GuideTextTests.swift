import Testing

@testable import DetectionRules

/// Inline Markdown of guide lines, written for these tests in the shapes guides use.
@Suite("Guide inline text")
struct GuideTextTests {
    typealias Run = GuideText.Run

    @Test func boldCodeAndFieldsBecomeStyledRuns() {
        let text = GuideText(markdown: "**Find the caller**: read `user.name` and `CreateUser` calls.")
        #expect(
            text.runs == [
                Run("Find the caller", .strong), Run(": read "), Run("user.name", [.code, .field]), Run(" and "),
                Run("CreateUser", .code), Run(" calls."),
            ])
    }

    @Test func bareFieldNamesAreMarkedButSentencesAreNot() {
        let text = GuideText(markdown: "Compare source.ip with aws.cloudtrail.user_identity.arn. See e.g. v1.2.")
        let fields = text.runs.filter { $0.style.contains(.field) }.map(\.text)
        #expect(fields == ["source.ip", "aws.cloudtrail.user_identity.arn"])
        #expect(text.plain == "Compare source.ip with aws.cloudtrail.user_identity.arn. See e.g. v1.2.")
    }

    @Test func underscoresInsideWordsAreNotEmphasis() {
        let text = GuideText(markdown: "Check user_identity.access_key_id and _really_ look.")
        #expect(text.plain == "Check user_identity.access_key_id and really look.")
        #expect(text.runs.contains(Run("really", .emphasis)))
    }

    @Test func nestedCodeInsideBoldKeepsBothStyles() {
        let text = GuideText(markdown: "**Review `requestParameters.roleArn`**")
        #expect(text.runs == [Run("Review ", .strong), Run("requestParameters.roleArn", [.strong, .code, .field])])
    }

    @Test func linksShowTheirTextAndAddress() {
        let text = GuideText(markdown: "See [the API](https://example.com/api \"tip\") or <https://example.com/x>.")
        #expect(text.plain == "See the API (https://example.com/api) or https://example.com/x.")
        #expect(text.runs.contains(Run("the API", .link)))
    }

    @Test func strayMarkersNeitherLeakBackticksNorEatArithmetic() {
        #expect(GuideText(markdown: "a stray ` tick").plain == "a stray  tick")
        #expect(GuideText(markdown: "2 * 3 * 4").plain == "2 * 3 * 4")
        #expect(GuideText(markdown: "literal \\*stars\\* and \\`tick\\`").plain == "literal *stars* and `tick`")
        #expect(GuideText(markdown: "**unclosed bold").plain == "**unclosed bold")
    }

    @Test func plainTitlesOnlyMarkFields() {
        let title = GuideText(plain: "Review *event.action* values")
        #expect(title.plain == "Review *event.action* values")
        #expect(title.runs.contains(Run("event.action", .field)))
    }

    @Test func boldPseudoHeadingParagraphsOwnTheListBelowThem() {
        let guide = InvestigationGuide(
            markdown: """
                ### Possible investigation steps

                **Find the caller**:
                    - Read `user.name`.
                    - Compare with usual operators.

                **Check the time**: compare `@timestamp` with change windows.
                """)
        #expect(
            guide.steps == [
                GuideStep(title: "Find the caller", details: ["Read `user.name`.", "Compare with usual operators."]),
                GuideStep(title: "Check the time", details: ["compare `@timestamp` with change windows."]),
            ])
    }
}
