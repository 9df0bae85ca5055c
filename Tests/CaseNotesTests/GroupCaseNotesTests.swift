import Alerts
import Testing
import TrailTriageJSON
import TriageModel
import TriageTestSupport

@testable import CaseNotes

/// Case notes of alerts about several events carry what the group was.
@Suite struct GroupCaseNotesTests {
    func markdown(_ alert: Alert) -> String {
        let record = GroupAlerts.stored(GroupAlerts.record(alert))
        return CaseNotesExporter(format: .markdown).export([.init(record: record, state: .untouched, audit: [])])
    }

    func lines(_ markdown: String, after heading: String) -> [String] {
        let all = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = all.firstIndex(of: heading) else { return [] }
        return Array(all[(start + 2)...].prefix { !$0.isEmpty })
    }

    @Test func thresholdNotesHaveTheGroupAndItsCountedEvents() {
        let text = markdown(GroupAlerts.threshold)
        #expect(text.contains("`ConsoleLogin` by `arn:aws:iam::111122223333:root` at 2024-05-01T10:03:00.000Z"))
        #expect(
            lines(text, after: "### Group (threshold)") == [
                "- **cloud\\.account\\.id:** `111122223333`",
                "- **Count:** 4 events",
                "- **From:** 2024-05-01T10:00:00.000Z",
                "- **To:** 2024-05-01T10:03:00.000Z",
                "- **Distinct source\\.ip:** 1",
                "- **Counted events:**",
                "  - 2024-05-01T10:00:00.000Z `fail-0` in `trail.ndjson` line 1",
                "  - 2024-05-01T10:01:00.000Z `fail-1` in `trail.ndjson` line 2",
                "  - 2024-05-01T10:02:00.000Z `fail-2` in `trail.ndjson` line 3",
                "  - 2024-05-01T10:03:00.000Z `fail-3` in `trail.ndjson` line 4",
            ])
        // A group is no one event: no request parameters; related activity is its events.
        #expect(!text.contains("### Key parameters"))
        #expect(lines(text, after: "### Related activity").filter { $0.contains("an event of this alert") }.count == 4)
    }

    @Test func sequenceNotesListItsEventsInOrder() {
        let text = markdown(GroupAlerts.sequence)
        #expect(
            lines(text, after: "### Sequence") == [
                "- **Group id:** `seq-group-1`",
                "- 1\\. 2026-03-10T08:55:00.000Z `CreateTrustAnchor` by `arn:aws:iam::111122223333:user/alice`, "
                    + "`ra-related-anchor` in `trail.ndjson` line 5",
                "- 2\\. 2026-03-10T09:00:00.000Z `CreateProfile` by `arn:aws:iam::111122223333:user/alice`, "
                    + "`ra-tp-profile` in `trail.ndjson` line 6",
            ])
    }

    @Test func buildingBlockNotesSayWhereItSits() {
        let text = markdown(GroupAlerts.buildingBlocks[0])
        #expect(
            lines(text, after: "### Part of a sequence (building block)") == [
                "- **Position:** event 1 (group index 0)", "- **Group id:** `seq-group-1`",
            ])
        // It is one event, with its request parameters.
        #expect(text.contains("### Key parameters"))
    }

    @Test func aggregationNotesHaveTheColumnsInQueryOrder() {
        let text = markdown(GroupAlerts.aggregation)
        #expect(
            Array(lines(text, after: "### ES|QL row (columns in the query's order)").prefix(8)) == [
                "- `Esql.event_count`: `4`",
                "- `Esql.source_ip_values`:",
                "  - `198.51.100.9`",
                "  - `198.51.100.10`",
                "- `Esql.aws_cloudtrail_user_identity_arn_values`: `arn:aws:iam::111122223333:root`",
                "- `Esql.event_action_values`: `ConsoleLogin`",
                "- `cloud.account.id`: `111122223333`",
                "- **Events behind the row:**",
            ])
    }

    @Test func hostileGroupValuesCannotForgeStructure() {
        var alert = GroupAlerts.aggregation
        let hostile = "x\n## forged\u{1B}[31m\u{202E}`"
        alert.resultColumns = ["Esql.source_ip_values", "- [x] " + hostile]
        var flat = alert.flatJSON
        flat["Esql.source_ip_values"] = .array([.string(hostile), .string("[a](http://evil)")])
        flat["- [x] " + hostile] = .string(hostile)
        var threshold = GroupAlerts.threshold.flatJSON
        threshold["kibana.alert.threshold_result.terms"] = .array([
            .object(["field": .string("# " + hostile), "value": .string(hostile)])
        ])
        let records = [
            AlertRecord(uuid: "h1", rule: alert.rule, originalTime: alert.originalTime, flatJSON: flat),
            AlertRecord(
                uuid: "h2", rule: GroupAlerts.threshold.rule, originalTime: 0, flatJSON: threshold),
        ]
        let text = CaseNotesExporter(format: .markdown).export(
            records.map { .init(record: $0, state: .untouched, audit: []) })
        let allowedStarts = ["#", "- ", "  - ", "> ", ">", "`", ""]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(allowedStarts.contains { line.hasPrefix($0) }, "unexpected line start: \(line)")
            #expect(!line.unicodeScalars.contains { UnsafeText.needsEscaping($0) })
            #expect(!line.hasPrefix("## forged") && !line.hasPrefix("- [x]"))
        }
        // A link is only ever inside a code span, where Markdown shows it as text.
        #expect(text.contains("  - `[a](http://evil)`"))
    }

    @Test func jsonNotesKeepTheGroupFacts() throws {
        let items = [GroupAlerts.threshold, GroupAlerts.sequence, GroupAlerts.aggregation].map {
            CaseNotesExporter.Item(record: GroupAlerts.stored(GroupAlerts.record($0)), state: .untouched, audit: [])
        }
        let parsed = try JSONParser.parse(CaseNotesExporter(format: .json).export(items))
        let objects = parsed.arrayValue ?? []
        try #require(objects.count == 3)
        #expect(objects[0]["kibana.alert.threshold_result.count"]?.scalarText == "4")
        #expect(objects[0]["trailtriage.members"]?.arrayValue?.count == 4)
        #expect(objects[1]["kibana.alert.group.id"]?.stringValue == "seq-group-1")
        #expect(objects[1]["trailtriage.members"]?.arrayValue?.count == 2)
        #expect(
            objects[2]["trailtriage.esql.columns"]?.arrayValue?.compactMap(\.stringValue)
                == GroupAlerts.aggregationColumns)
    }
}
