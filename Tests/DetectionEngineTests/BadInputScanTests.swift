import Alerts
import CloudTrailReader
import Foundation
import TestSupport
import Testing

@testable import DetectionEngine

/// Each kind of bad input is reported with its file and record, and the rest of the work goes on.
@Suite struct BadInputScanTests {
    static func profile(_ id: String, time: String = "2026-03-10T09:00:00Z") -> String {
        #"""
        {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/alice",\#
        "accountId":"111122223333","principalId":"AIDAX","userName":"alice"},"eventTime":"\#(time)",\#
        "eventSource":"rolesanywhere.amazonaws.com","eventName":"CreateProfile","awsRegion":"us-east-1",\#
        "sourceIPAddress":"203.0.113.9","eventID":"\#(id)","requestParameters":{"name":"p",\#
        "roleArns":["arn:aws:iam::111122223333:role/A"]}}
        """#
    }

    private func scan(_ directory: ScratchDirectory) -> ScanResult {
        DetectionScan.run(
            paths: [directory.path],
            configuration: ScanConfiguration(
                ruleSet: RuleSet.load(paths: [RepositoryPaths.bundledRules]), appliesMaxSignals: false))
    }

    @Test func everyKindOfBadInputIsReportedAndGoodRecordsStillAlert() throws {
        let directory = try ScratchDirectory()
        let many = (0..<300).map { Self.profile("trunc-\($0)") }.joined(separator: ",")
        let whole = try SystemGzip.compress(#"{"Records":[\#(many)]}"#)
        try directory.write("a-truncated.json.gz", Array(whole.prefix(whole.count * 2 / 3)))
        try directory.write("b-invalid.json", #"{"Records":[\#(Self.profile("ok-before-bad")),{"eventName": nope}]}"#)
        try directory.write("c-mixed.json", #"[\#(Self.profile("ok-in-array")), "just a string", 7]"#)
        try directory.write(
            "d-types.ndjson",
            """
            {"eventTime":"2026-03-10T09:00:00Z","eventSource":"rolesanywhere.amazonaws.com","eventName":42,\
            "eventID":"wrong-type"}
            {"eventSource":"rolesanywhere.amazonaws.com","eventName":"CreateProfile","eventID":"no-time"}
            \(Self.profile("").replacingOccurrences(of: #""eventID":"","#, with: ""))
            \(Self.profile("ok-ndjson"))
            """)
        try directory.write(
            "e-utf8.json",
            Array(
                #"""
                [{"eventVersion":"1.09","eventTime":"2026-03-10T09:00:00Z",\#
                "eventSource":"rolesanywhere.amazonaws.com","eventName":"CreateProfile","eventID":"bad-utf8",\#
                "userAgent":"x
                """#
                .utf8) + [0xFF] + Array(#""}]"#.utf8))
        try directory.write("f-empty.json", "")

        let result = scan(directory)
        let issues = result.summary.issues.map(\.description)

        // Truncated gzip: the records that decompressed still alert.
        let truncatedAlerts = result.alerts.filter { $0.location.file.hasSuffix("a-truncated.json.gz") }
        #expect(truncatedAlerts.count > 50)
        #expect(issues.contains { $0.contains("a-truncated.json.gz") && $0.contains("truncated") })
        // Invalid JSON in record 1; record 0 of the same file still counts.
        #expect(result.alerts.contains { $0.eventKey == "ok-before-bad" })
        #expect(issues.contains { $0.contains("b-invalid.json: record 1") })
        // Non-object records.
        #expect(result.alerts.contains { $0.eventKey == "ok-in-array" })
        #expect(issues.contains { $0.contains("c-mixed.json: record 1") && $0.contains("not a JSON object") })
        #expect(issues.contains { $0.contains("c-mixed.json: record 2") })
        // Wrong types and missing eventTime are errors for that record, by line.
        #expect(issues.contains { $0.contains("d-types.ndjson: line 1") && $0.contains("eventName") })
        #expect(issues.contains { $0.contains("d-types.ndjson: line 2") && $0.contains("eventTime") })
        // A missing eventID is reported but the event still alerts, keyed by its content.
        #expect(issues.contains { $0.contains("d-types.ndjson: line 3") && $0.contains("eventID") })
        #expect(result.alerts.contains { $0.location.line == 3 && $0.eventKey.hasPrefix("sha256:") })
        #expect(result.alerts.contains { $0.eventKey == "ok-ndjson" })
        // Invalid UTF-8 is reported and the event is still checked by the rules.
        #expect(issues.contains { $0.contains("e-utf8.json: record 0") && $0.contains("UTF-8") })
        #expect(result.alerts.contains { $0.eventKey == "bad-utf8" })
        // An empty file is skipped with a reason.
        #expect(issues.contains { $0.contains("f-empty.json") && $0.contains("empty") })
        #expect(result.summary.filesSkipped == 1)
        #expect(result.summary.recordsMalformed >= 5)
    }
}
