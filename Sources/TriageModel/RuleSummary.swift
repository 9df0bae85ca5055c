import DetectionEngine

/// The rule facts an alert record keeps (rule id, name, type, severity, risk score).
///
/// A copy of ``AlertRule`` that this module can also create when reading the store back.
public struct RuleSummary: Sendable, Hashable {
    public var ruleID: String
    public var name: String
    public var type: String
    public var severity: String
    public var riskScore: Int

    public init(ruleID: String, name: String, type: String, severity: String, riskScore: Int) {
        self.ruleID = ruleID
        self.name = name
        self.type = type
        self.severity = severity
        self.riskScore = riskScore
    }

    public init(_ rule: AlertRule) {
        self.init(ruleID: rule.ruleID, name: rule.name, type: rule.type, severity: rule.severity, riskScore: rule.riskScore)
    }
}
