import DetectionRules

/// The parts of a rule's guide an alert's triage and export need, kept with the alert so the
/// export works without the rule files.
public struct GuideSnapshot: Sendable, Hashable {
    /// Checklist step titles, in order.
    public var steps: [String]
    public var falsePositiveNotes: [String]
    public var responseSteps: [String]
    /// The rule's `investigation_fields`, shown first in the detail pane.
    public var investigationFields: [String]

    public init(
        steps: [String] = [], falsePositiveNotes: [String] = [], responseSteps: [String] = [],
        investigationFields: [String] = []
    ) {
        self.steps = steps
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
            falsePositiveNotes: (guide?.falsePositiveNotes).flatMap { $0.isEmpty ? nil : $0 } ?? rule.falsePositives,
            responseSteps: guide?.responseSteps ?? [],
            investigationFields: rule.investigationFields
        )
    }

    /// Step keys in guide order.
    public var stepKeys: [StepKey] { steps.enumerated().map { StepKey(index: $0.offset, title: $0.element) } }
}
