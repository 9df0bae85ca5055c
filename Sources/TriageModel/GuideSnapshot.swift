import DetectionRules

/// The parts of a rule's guide an alert's triage and export need, kept with the alert so the
/// export works without the rule files.
public struct GuideSnapshot: Sendable, Hashable {
    /// Checklist step titles, in order, as plain text: with their positions they are the steps'
    /// identity (`StepKey`), so ticks and notes stored before details were kept still match.
    public var steps: [String]
    /// Each step's detail lines (sub-bullets, explanations), parallel to `steps`, inline
    /// Markdown kept for rendering (`GuideText`). Shorter than `steps` for a snapshot stored
    /// before details were kept; ``details(ofStep:)`` reads it safely.
    public var stepDetails: [[String]]
    public var falsePositiveNotes: [String]
    public var responseSteps: [String]
    /// The rule's `investigation_fields`, shown first in the detail pane.
    public var investigationFields: [String]

    public init(
        steps: [String] = [], stepDetails: [[String]] = [], falsePositiveNotes: [String] = [],
        responseSteps: [String] = [], investigationFields: [String] = []
    ) {
        self.steps = steps
        self.stepDetails = stepDetails
        self.falsePositiveNotes = falsePositiveNotes
        self.responseSteps = responseSteps
        self.investigationFields = investigationFields
    }

    /// Takes the guide and highlighted fields of `rule`. False-positive notes come from the
    /// guide, or from the rule's `false_positives` when the guide has none.
    public init(rule: DetectionRule) {
        let guide = rule.investigationGuide
        self.init(
            steps: guide?.steps.map(\.title) ?? [],
            stepDetails: guide?.steps.map(\.details) ?? [],
            falsePositiveNotes: (guide?.falsePositiveNotes).flatMap { $0.isEmpty ? nil : $0 } ?? rule.falsePositives,
            responseSteps: guide?.responseSteps ?? [],
            investigationFields: rule.investigationFields
        )
    }

    /// The detail lines of the step at `index`; none when the snapshot has none for it.
    public func details(ofStep index: Int) -> [String] {
        stepDetails.indices.contains(index) ? stepDetails[index] : []
    }

    /// Step keys in guide order.
    public var stepKeys: [StepKey] { steps.enumerated().map { StepKey(index: $0.offset, title: $0.element) } }
}
