import CloudTrailReader
import DetectionRules
import ECSMapping
import Testing
import TrailTriageJSON

@testable import Alerts

/// The flat alert JSON names the rule type as the rule's TOML spells it, as Kibana does.
@Suite struct AlertJSONTests {
    @Test(arguments: [
        (RuleType.newTerms, "new_terms"), (.query, "query"), (.machineLearning, "machine_learning"),
        (.other("threat_match"), "threat_match"),
    ])
    func flatJSONSpellsTheRuleType(_ type: RuleType, _ spelling: String) {
        let alert = Alert(
            uuid: "u", rule: AlertRule(ruleID: "r", name: "R", type: type, severity: .low, riskScore: 21),
            originalTime: 0, newTerms: nil,
            document: ECSDocument(root: JSONObject(), timestampMilliseconds: 0, eventID: nil),
            location: RecordLocation(file: "f.json", index: 0, byteOffset: 0), eventKey: "k")
        #expect(alert.flatJSON["kibana.alert.rule.type"]?.stringValue == spelling)
    }
}
