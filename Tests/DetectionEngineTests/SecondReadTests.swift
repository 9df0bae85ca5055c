import Alerts
import CloudTrailReader
import ECSMapping
import Foundation
import TestSupport
import Testing

@testable import DetectionEngine

/// Alerts' records are read again after deciding; a file that changes in between must never
/// give an alert built from other content, nor stop the scan.
@Suite struct SecondReadTests {
    private func scan(_ directory: ScratchDirectory, prefilter: Bool, between: @escaping () -> Void) -> ScanResult {
        let rules = RuleSet.load(paths: [RepositoryPaths.bundledRules])
        let configuration = ScanConfiguration(ruleSet: rules, usesPrefilter: prefilter, appliesMaxSignals: false)
        let files = InputDiscovery.discover([directory.path]).files
        return DetectionScan.run(
            files: files, configuration: configuration, accumulating: NoEventAccumulator.self, beforeSecondRead: between
        ).0
    }

    private func names(_ alerts: [Alert]) -> Set<String> {
        Set(alerts.compactMap { $0.document.string(at: "aws.cloudtrail.flattened.request_parameters.name") })
    }

    @Test func aFileRewrittenOrRemovedBetweenTheReadsLosesItsAlertsWithAnIssueNamingIt() throws {
        for prefilter in [true, false] {
            let directory = try ScratchDirectory()
            try directory.write("a.json", #"{"Records":[\#(HostileInputScanTests.profile("id-a", name: "kept"))]}"#)
            // Rewritten with a name of the same length, so the record's byte range still fits.
            let rewritten = try directory.write(
                "b.json", #"{"Records":[\#(HostileInputScanTests.profile("id-b", name: "saved"))]}"#)
            let removed = try directory.write(
                "c.json", #"{"Records":[\#(HostileInputScanTests.profile("id-c", name: "gone"))]}"#)
            let result = scan(directory, prefilter: prefilter) {
                try? Data(#"{"Records":[\#(HostileInputScanTests.profile("id-b", name: "decoy"))]}"#.utf8)
                    .write(to: URL(fileURLWithPath: rewritten))
                try? FileManager.default.removeItem(atPath: removed)
            }
            let profiles = result.alerts.filter { $0.rule.ruleID == HostileInputScanTests.rolesAnywhereRuleID }
            #expect(names(profiles) == ["kept"], "prefilter \(prefilter)")
            #expect(profiles.map(\.eventKey) == ["id-a"])
            let issues = result.summary.issues.filter { $0.kind == .unreadableFile }
            #expect(
                issues.contains { $0.file == rewritten && $0.reason.contains("changed after the scan read it") },
                "\(issues)")
            #expect(
                issues.contains { $0.file == removed && $0.reason.contains("could not be read again") },
                "\(issues)")
            let counted = result.summary.rules.first { $0.ruleID == HostileInputScanTests.rolesAnywhereRuleID }
            #expect(counted?.alerts == 1, "the summary counts only the alerts given")
        }
    }

    @Test func aConflictSuspectRemovedBetweenTheReadsIsReportedAndHidesNothing() throws {
        let directory = try ScratchDirectory()
        try directory.write(
            "a.json", #"{"Records":[\#(HostileInputScanTests.profile("shared-id", name: "original"))]}"#)
        let removed = try directory.write(
            "b.json", #"{"Records":[\#(HostileInputScanTests.profile("shared-id", name: "forged"))]}"#)
        let result = scan(directory, prefilter: true) {
            try? FileManager.default.removeItem(atPath: removed)
        }
        // The forged record could not be compared: it still counts as its own event, not a re-delivery.
        #expect(result.summary.eventIDConflicts == 2)
        #expect(result.summary.duplicateEvents == 0)
        #expect(names(result.alerts) == ["original"])
        #expect(result.summary.issues.contains { $0.file == removed && $0.reason.contains("could not be compared") })
    }
}
