import Alerts
import CloudTrailReader
import ECSMapping
import Foundation
import TestSupport
import Testing

@testable import DetectionEngine

/// Crafted input must not keep an event from the rules, nor pass one event off as another.
@Suite struct HostileInputScanTests {
    static let rolesAnywhereRuleID = "1d4ca9c0-ff1e-11ee-91cc-f661ea17fbce"

    static func profile(_ id: String, name: String = "p") -> String {
        BadInputScanTests.profile(id).replacingOccurrences(of: #""name":"p""#, with: #""name":"\#(name)""#)
    }

    /// `profile(id)` with `member` as its first key.
    static func profile(_ id: String, leading member: String) -> String {
        "{" + member + "," + profile(id).dropFirst()
    }

    static func nested(_ depth: Int) -> String {
        String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    }

    /// One file per framing attack; each holds one CreateProfile (eventID = the file's stem).
    static func writeFramingAttacks(into directory: ScratchDirectory) throws -> [String] {
        let deep = #"{"eventVersion":"1.09","eventSource":"iam.amazonaws.com","x":\#(nested(200_000))}"#
        let files = [
            "records-null.json": profile("records-null", leading: #""Records":null"#),
            "records-line.ndjson": profile("records-line", leading: #""Records":null"#) + "\n",
            "foreign-line.ndjson": #"{"exportedBy":"siem"}"# + "\n" + profile("foreign-line") + "\n",
            "foreign-element.json": #"[{"exportedBy":"siem"},\#(profile("foreign-element"))]"#,
            "digest-key.json": "[" + profile("digest-key", leading: #""digestStartTime":"2026-03-10T00:00:00Z""#) + "]",
            "deep-envelope.json": #"{"Records":[\#(deep),\#(profile("deep-envelope"))]}"#,
            "deep-line.ndjson": deep + "\n" + profile("deep-line") + "\n",
            // Spanning lines, so the file is a value stream rather than NDJSON.
            "deep-stream.json": deep.replacingOccurrences(of: ",", with: ",\n") + "\n" + profile("deep-stream"),
        ]
        for (name, text) in files {
            try directory.write(name, text)
        }
        return files.keys.map { String($0.prefix { $0 != "." }) }.sorted()
    }

    private func scan(_ paths: [String], prefilter: Bool = true) -> ScanResult {
        let rules = RuleSet.load(paths: [RepositoryPaths.bundledRules])
        return DetectionScan.run(
            paths: paths,
            configuration: ScanConfiguration(ruleSet: rules, usesPrefilter: prefilter, appliesMaxSignals: false))
    }

    @Test func framingAttacksHideNoAlertAndAreReportedByFileAndRecord() throws {
        let directory = try ScratchDirectory()
        let stems = try Self.writeFramingAttacks(into: directory)
        let result = scan([directory.path])
        #expect(Set(result.alerts.compactMap(\.document.eventID)) == Set(stems))
        #expect(result.summary.filesSkipped == 0)
        let issues = result.summary.issues.map(\.description)
        for expected in [
            "foreign-line.ndjson: line 1", "foreign-element.json: record 0", "deep-envelope.json: record 0",
            "deep-line.ndjson: line 1", "deep-stream.json: record 0",
        ] {
            #expect(issues.contains { $0.contains(expected) && $0.contains("malformed") }, "\(expected) in \(issues)")
        }
        #expect(!issues.contains { $0.contains("rest of the file") })
        #expect(!issues.contains { $0.contains("records-null") || $0.contains("digest-key") })
        // What `scan --strict` turns into exit status 1.
        #expect(result.summary.recordsMalformed == 5)
    }

    @Test func sameEventIDWithOtherContentIsTwoEventsAndARedeliveryIsNot() throws {
        let directory = try ScratchDirectory()
        let original = Self.profile("shared-id", name: "partner-sync")
        let forged = Self.profile("shared-id", name: "decoy")
        try directory.write("a.json", #"{"Records":[\#(original)]}"#)
        try directory.write("b.json", #"{"Records":[\#(forged)]}"#)
        // The original delivered again, pretty-printed with its members in another order: the same event.
        let reordered =
            "{\"eventID\":\"shared-id\","
            + original.dropFirst().replacingOccurrences(of: #","eventID":"shared-id""#, with: "")
        try directory.write(
            "c.json",
            "{\n  \"Records\": [\n    " + reordered.replacingOccurrences(of: #",""#, with: ",\n      \"") + "\n  ]\n}\n"
        )

        for prefilter in [true, false] {
            let result = scan([directory.path], prefilter: prefilter)
            let alerts = result.alerts.filter { $0.rule.ruleID == Self.rolesAnywhereRuleID }
            #expect(alerts.count == 2, "prefilter \(prefilter)")
            #expect(
                Set(alerts.compactMap { $0.document.string(at: "aws.cloudtrail.flattened.request_parameters.name") })
                    == ["partner-sync", "decoy"])
            #expect(Set(alerts.map(\.uuid)).count == 2)
            #expect(
                !alerts.contains {
                    $0.uuid == AlertIdentity.uuid(ruleID: Self.rolesAnywhereRuleID, eventKey: "shared-id")
                })
            #expect(result.summary.duplicateEvents == 1)
            #expect(result.summary.eventIDConflicts == 3)
            let conflicts = result.summary.issues.filter { $0.kind == .eventIDConflict }.map(\.description)
            for file in ["a.json: record 0", "b.json: record 0", "c.json: record 0"] {
                #expect(conflicts.contains { $0.contains(file) && $0.contains("shared-id") }, "\(file) in \(conflicts)")
            }
        }
        // Ids are stable: the same input gives the same two ids on every run.
        #expect(
            scan([directory.path]).alerts.map(\.uuid) == scan([directory.path], prefilter: false).alerts.map(\.uuid))
    }

    @Test func idsOfEventsWithoutAConflictAreUnchanged() {
        // The README's example alert id, for the fixture's one CreateProfile (delivered twice, identically).
        let result = scan([RepositoryPaths.fixtures + "/seed-rules"])
        let profile = result.alerts.filter { $0.rule.ruleID == Self.rolesAnywhereRuleID }
        #expect(profile.map(\.uuid) == ["dd39e9b6571e35c7fe3224754f908e7fd3901d5e1a52ad1d5f212ccaacdab612"])
        #expect(result.summary.eventIDConflicts == 0)
        #expect(!result.summary.issues.contains { $0.kind == .eventIDConflict })
    }
}
