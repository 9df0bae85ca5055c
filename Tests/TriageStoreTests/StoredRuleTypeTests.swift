import Alerts
import DetectionRules
import TestSupport
import Testing
import TrailTriageJSON
import TriageTestSupport

@testable import TriageModel
@testable import TriageStore

/// An alert's rule type comes back from the store as the same typed value, kept under its TOML
/// spelling; a type this version does not know keeps its name rather than becoming another.
@Suite struct StoredRuleTypeTests {
    @Test(arguments: [RuleType.query, .newTerms, .eql, .esql, .machineLearning, .other("threat_match")])
    func ruleTypeSurvivesReopening(_ type: RuleType) throws {
        let directory = try ScratchDirectory()
        let path = directory.file("state.sqlite")
        var record = TestEvents.record(try TestEvents.document(TestEvents.createProfile))
        record.rule.type = type
        do {
            let store = try TriageStore(path: path)
            try store.save([record])
        }
        let reopened = try TriageStore(path: path)
        #expect(try reopened.record(uuid: record.uuid)?.rule.type == type)
        #expect(record.storageJSON["rule"]?["type"]?.stringValue == type.name)
    }
}
