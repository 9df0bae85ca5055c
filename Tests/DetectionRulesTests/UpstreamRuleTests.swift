import Foundation
import Testing

@testable import DetectionRules

/// Optional check against real elastic/detection-rules files, which are not in this repository
/// (Elastic License 2.0). Point `TRAILTRIAGE_UPSTREAM_RULES` at a directory of rule TOMLs to run it.
@Suite("Upstream rule files", .enabled(if: ProcessInfo.processInfo.environment["TRAILTRIAGE_UPSTREAM_RULES"] != nil))
struct UpstreamRuleTests {
    @Test func everyFileLoadsAndEveryGuideYieldsAChecklist() throws {
        let directory = try #require(ProcessInfo.processInfo.environment["TRAILTRIAGE_UPSTREAM_RULES"])
        let result = RuleLoader.load(paths: [directory])
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(!result.rules.isEmpty)
        for rule in result.rules {
            if rule.query != nil { #expect(rule.queryPosition != nil, "\(rule.sourcePath)") }
            guard let guide = rule.investigationGuide else { continue }
            #expect(!guide.steps.isEmpty, "no checklist in \(rule.sourcePath)")
            #expect(guide.title != nil, "no title in \(rule.sourcePath)")
        }
    }
}
