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
}
