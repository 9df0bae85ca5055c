import DetectionRules
import EQL

/// An EQL rule's parsed query and where it reads event categories from.
public struct EQLPlan: Sendable {
    public let query: EQLQuery
    /// `event.category`, or the rule's `event_category_override` (13 AWS rules use `event.type`).
    public let categoryField: String

    init(_ rule: DetectionRule, text: String) throws(RuleCompileError) {
        do {
            query = try EQLQuery.parse(text)
        } catch {
            throw RuleCompileError(
                rule: rule, language: "EQL", message: error.message, line: error.line, column: error.column,
                diagram: error.caretDiagram(in: text))
        }
        categoryField = rule.eventCategoryOverride ?? "event.category"
        // A match records the stages an event satisfies as bits of a 32-bit word.
        if let stages = query.sequence?.stageCount, stages > 32 {
            throw RuleCompileError(rule: rule, message: "an EQL sequence has at most 32 stages here, found \(stages)")
        }
    }
}
