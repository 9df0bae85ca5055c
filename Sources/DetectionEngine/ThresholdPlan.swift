import DetectionRules

/// A threshold rule's settings, checked once at compile time.
public struct ThresholdPlan: Sendable {
    /// The group-by fields, in the rule's order (zero to three).
    public let fields: [String]
    /// The fewest events a group needs.
    public let minimumCount: Int
    /// The distinct-value condition, when the rule sets one.
    public let cardinality: ThresholdSettings.Cardinality?

    init(_ rule: DetectionRule) throws(RuleCompileError) {
        guard let settings = rule.threshold else {
            throw RuleCompileError(rule: rule, message: "threshold rule without [rule.threshold] settings")
        }
        guard settings.fields.count <= 3 else {
            throw RuleCompileError(
                rule: rule, message: "threshold groups by at most 3 fields, found \(settings.fields.count)")
        }
        guard settings.value >= 1 else {
            throw RuleCompileError(rule: rule, message: "threshold value must be at least 1, found \(settings.value)")
        }
        // Kibana's rule schema takes one cardinality condition; a second would be ignored there.
        guard settings.cardinality.count <= 1 else {
            throw RuleCompileError(
                rule: rule,
                message: "threshold takes at most one cardinality condition, found \(settings.cardinality.count)")
        }
        if let cardinality = settings.cardinality.first, cardinality.value < 1 {
            throw RuleCompileError(
                rule: rule, message: "threshold cardinality value must be at least 1, found \(cardinality.value)")
        }
        fields = settings.fields
        minimumCount = settings.value
        cardinality = settings.cardinality.first
    }
}
