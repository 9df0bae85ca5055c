import Testing

@testable import DetectionRules

/// Guides written for these tests in the shapes seen upstream (heading levels, bold titles,
/// lazy continuation lines, numbered lists, bold pseudo-headings); no upstream text is used.
@Suite("Investigation guide parsing")
struct InvestigationGuideTests {
    @Test func typicalGuideWithBoldStepsAndNestedBullets() {
        let guide = InvestigationGuide(
            markdown: """
                ## Triage and analysis

                > **Note**:
                > Written by a generator; check it before relying on it.

                ### Investigating Widget Deletion

                Widgets hold settings. Deleting one
                removes those settings.

                Second intro paragraph.

                #### Possible investigation steps

                - **Find the caller**
                  - Read `user.name` and `source.ip` to see
                    who deleted the widget.
                  - Compare with the usual operators.

                - **Check the widget**
                  - Look at `request.widgetName`:
                    - `size`
                    - `colour`

                - **Ask the owner**: confirm the change was planned.

                #### False positive analysis

                - **Cleanup jobs**
                  - Scheduled jobs delete stale widgets.
                - Tests in sandbox accounts.

                #### Response and remediation

                - Restore the widget from backup.
                - **Lock down**: limit who can delete widgets.

                #### Additional information

                - [Widget docs](https://example.com/widgets)
                See also the runbook.
                """)
        #expect(guide.title == "Investigating Widget Deletion")
        #expect(
            guide.summary == ["Widgets hold settings. Deleting one removes those settings.", "Second intro paragraph."])
        #expect(
            guide.steps == [
                GuideStep(
                    title: "Find the caller",
                    details: [
                        "Read `user.name` and `source.ip` to see who deleted the widget.",
                        "Compare with the usual operators.",
                    ]),
                GuideStep(title: "Check the widget", details: ["Look at `request.widgetName`:", "`size`", "`colour`"]),
                GuideStep(title: "Ask the owner", details: ["confirm the change was planned."]),
            ])
        #expect(
            guide.falsePositiveNotes == [
                "Cleanup jobs: Scheduled jobs delete stale widgets.", "Tests in sandbox accounts.",
            ])
        #expect(guide.responseSteps == ["Restore the widget from backup.", "Lock down: limit who can delete widgets."])
        #expect(guide.additionalInformation == ["[Widget docs](https://example.com/widgets) See also the runbook."])
    }

    @Test func capitalisedHeadingsColonsAndBoldItemsWithColon() {
        let guide = InvestigationGuide(
            markdown: """
                ## Triage and Analysis

                ### Investigating Gadget Creation

                Intro.

                ### Possible Investigation Steps:

                - **Identify the Gadget Maker**:
                  - **Maker**: Examine `gadget.maker`.
                - **Review the Gadget**:
                  - **Size**: Examine `gadget.size`.

                ### False Positive Analysis:
                - **Expected Builds**: Builds make gadgets.

                ### Response and Remediation:
                - **Remove**: Delete unwanted gadgets.
                """)
        #expect(guide.steps.map(\.title) == ["Identify the Gadget Maker", "Review the Gadget"])
        #expect(guide.steps.first?.details == ["**Maker**: Examine `gadget.maker`."])
        #expect(guide.falsePositiveNotes == ["Expected Builds: Builds make gadgets."])
        #expect(guide.responseSteps == ["Remove: Delete unwanted gadgets."])
    }

    @Test func boldTitleFollowedByLazyParagraphLines() {
        let guide = InvestigationGuide(
            markdown: """
                #### Possible investigation steps

                - **Check the address.**
                Decide whether the address is known.

                - **Check the client.**  
                  Compare the client string with usual ones.  
                  - Old browsers are suspicious.

                - Plain step that wraps
                  onto a second line.
                """)
        #expect(guide.title == nil)
        #expect(
            guide.steps == [
                GuideStep(title: "Check the address.", details: ["Decide whether the address is known."]),
                GuideStep(
                    title: "Check the client.",
                    details: ["Compare the client string with usual ones.", "Old browsers are suspicious."]),
                GuideStep(title: "Plain step that wraps onto a second line."),
            ])
    }

    @Test func numberedListsAndStarBullets() {
        let guide = InvestigationGuide(
            markdown: """
                ## Investigation steps
                1. First, look at `a.b`.
                   * detail one
                2) Second.
                10. Tenth.
                """)
        #expect(guide.steps.map(\.title) == ["First, look at a.b.", "Second.", "Tenth."])
        #expect(guide.steps.first?.details == ["detail one"])
    }

    @Test func boldPseudoHeadingsInsideResponseStayThere() {
        let guide = InvestigationGuide(
            markdown: """
                ### Investigation steps
                - One.

                ### Response and remediation

                **Immediate containment**
                - Block it.

                **Scoping and investigation**
                - Search wider.
                """)
        #expect(guide.steps.map(\.title) == ["One."])
        #expect(
            guide.responseSteps == ["Immediate containment", "Block it.", "Scoping and investigation", "Search wider."])
    }

    @Test func boldLinesCanActAsSectionHeadings() {
        let guide = InvestigationGuide(
            markdown: """
                **Possible investigation steps**

                - Look here.

                **False positive analysis**

                - Benign there.
                """)
        #expect(guide.steps.map(\.title) == ["Look here."])
        #expect(guide.falsePositiveNotes == ["Benign there."])
    }

    @Test func fallsBackToAnyTopLevelListItems() {
        let guide = InvestigationGuide(
            markdown: """
                ## Triage and analysis

                Things to do:

                - Check the caller.
                  - Especially new callers.
                - Check the target.

                ### Response and remediation
                - Not a step.
                """)
        #expect(
            guide.steps == [
                GuideStep(title: "Check the caller.", details: ["Especially new callers."]),
                GuideStep(title: "Check the target."),
            ])
        #expect(guide.summary == ["Things to do:"])
    }

    @Test func investigationSectionWithOnlyParagraphsUsesThem() {
        let guide = InvestigationGuide(
            markdown: """
                ### Investigation
                Look at the caller.

                Look at the target.
                """)
        #expect(guide.steps.map(\.title) == ["Look at the caller.", "Look at the target."])
    }

    @Test func setupSectionAndUnknownHeadingsAreNotSteps() {
        let guide = InvestigationGuide(
            markdown: """
                #### Possible investigation steps
                - Step.
                ##### Deeper note
                - Still a step.

                ## Setup
                - Install the integration.
                """)
        #expect(guide.steps.map(\.title) == ["Step.", "Still a step."])
    }

    @Test func emptyGuide() {
        let guide = InvestigationGuide(markdown: "")
        #expect(guide.title == nil)
        #expect(guide.steps.isEmpty && guide.summary.isEmpty && guide.responseSteps.isEmpty)
    }

    @Test func boldPrefixContinuingTheSentenceIsNotSplit() {
        let guide = InvestigationGuide(markdown: "### Investigation steps\n- **Enable MFA** on the root account.\n")
        #expect(guide.steps == [GuideStep(title: "Enable MFA on the root account.")])
    }

    /// A bullet of bare markup has no text for the checklist line: the console would show an
    /// empty step. Its first sub-bullet becomes the title, or with none the bullet is dropped.
    @Test func bulletsOfBareMarkupNeverGiveAnEmptyStep() {
        let guide = InvestigationGuide(
            markdown: """
                ### Investigation steps
                - **
                - Check the caller.
                - ``
                  - **Look at the source address**: is it known?
                  - Compare with last week.
                - ****

                ### False positive analysis
                - __
                - Scheduled jobs.
                """)
        #expect(
            guide.steps == [
                GuideStep(title: "Check the caller."),
                GuideStep(title: "Look at the source address", details: ["is it known?", "Compare with last week."]),
            ])
        #expect(guide.falsePositiveNotes == ["Scheduled jobs."])
    }

    @Test func aGuideOfOnlyABareBoldBulletHasNoSteps() {
        let guide = InvestigationGuide(markdown: "- **")
        #expect(guide.steps.isEmpty)
    }

    /// Found by FuzzGuide: a CR before a CR LF made the two one `Character`, so the line did not
    /// end there and the next heading became part of a step's title.
    @Test func everyKindOfLineEndingEndsALine() {
        let guide = InvestigationGuide(markdown: "### Investigation steps\r\n- One\r\r\n### Other\r- Two\r\n")
        #expect(guide.steps == [GuideStep(title: "One")])
        let crOnly = InvestigationGuide(markdown: "### Investigation steps\r- Alpha\r- Beta")
        #expect(crOnly.steps.map(\.title) == ["Alpha", "Beta"])
    }
}
