import Alerts
import ConsoleUI
import DetectionEngine
import DetectionRules
import Foundation
import TestSupport
import Testing
import TriageModel

@testable import trailtriage

/// What the console's rules view is filled with: every loaded rule, whether it ran, its alerts.
@Suite struct ConsoleLoaderRulesTests {
    static let corpusRules =
        RepositoryPaths.root + "/../shared/corpus/elastic-detection-rules-aws/rules/integrations/aws"
    static var hasCorpusRules: Bool { FileManager.default.fileExists(atPath: corpusRules) }
    static let logs = RepositoryPaths.fixtures + "/seed-rules"

    @Test func bundledRulesAllRunAndCountTheirAlerts() {
        let ruleSet = RuleSet.load(paths: [RepositoryPaths.bundledRules])
        let reported = Reported()
        let loaded = ConsoleLoader.load(
            inputs: [Self.logs], ruleSet: ruleSet, stages: ConsoleLoader.Stages(rules: { reported.append($0) }))
        #expect(loaded.rules.count == ruleSet.rules.count)
        #expect(loaded.rules.allSatisfy { $0.run == .ran })
        // Each rule's count is its own alerts.
        for rule in loaded.rules {
            #expect(rule.alerts == loaded.records.filter { $0.rule.ruleID == rule.ruleID }.count, "\(rule.name)")
        }
        #expect(loaded.rules.compactMap(\.alerts).reduce(0, +) == loaded.records.count)
        // Reported twice: before the scan without counts, after it with them.
        let stages = reported.values
        #expect(stages.count == 2)
        #expect(stages.first?.allSatisfy { $0.alerts == nil } == true)
        #expect(stages.last == loaded.rules)
    }

    @Test(.enabled(if: hasCorpusRules, "../shared/corpus/elastic-detection-rules-aws is absent; skipped"))
    func rulesThatDoNotRunSayWhyAndCountNothing() {
        let ruleSet = RuleSet.load(paths: [Self.corpusRules])
        let loaded = ConsoleLoader.load(inputs: [Self.logs], ruleSet: ruleSet)
        #expect(loaded.rules.count == ruleSet.rules.count + ruleSet.unsupported.count)
        let notRun = loaded.rules.filter { !$0.ran }
        #expect(notRun.count == ruleSet.unsupported.count)
        #expect(!notRun.isEmpty)
        for rule in notRun {
            #expect(rule.alerts == nil)
            guard case .notRun(let reason) = rule.run else { continue }
            #expect(!reason.isEmpty)
        }
        let machineLearning = notRun.filter { $0.type == .machineLearning }
        #expect(
            machineLearning.allSatisfy {
                if case .notRun(let reason) = $0.run { reason.contains("machine learning") } else { false }
            })
        #expect(loaded.rules.filter(\.ran).allSatisfy { $0.alerts != nil })
    }
}

/// Collects what a loading stage reports, from whichever thread reports it.
private final class Reported: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [[RuleStatus]] = []

    func append(_ rules: [RuleStatus]) {
        lock.lock()
        defer { lock.unlock() }
        stored.append(rules)
    }

    var values: [[RuleStatus]] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
