import DetectionRules

/// What an alert records about the rule that raised it, copied from the rule at scan time.
public struct AlertRule: Sendable, Hashable {
    public var ruleID: String
    public var name: String
    public var type: RuleType
    public var severity: Severity
    public var riskScore: Int

    public init(ruleID: String, name: String, type: RuleType, severity: Severity, riskScore: Int) {
        self.ruleID = ruleID
        self.name = name
        self.type = type
        self.severity = severity
        self.riskScore = riskScore
    }

    /// The same, with the rule type given by its TOML spelling (`RuleType(name:)` keeps any
    /// spelling, so nothing is lost). The alert decider builds rule summaries this way.
    public init(ruleID: String, name: String, type typeName: String, severity: Severity, riskScore: Int) {
        self.init(ruleID: ruleID, name: name, type: RuleType(name: typeName), severity: severity, riskScore: riskScore)
    }
}
