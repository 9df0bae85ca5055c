import Foundation
import TestSupport
import Testing
import TrailTriageJSON
import TriageStore
import TriageTestSupport

// Foundation for its `contains`, which finds text scalar by scalar; the standard library's
// compares Characters and misses a match followed by a combining mark.
@testable import CaseNotes
@testable import TriageModel

@Suite struct CaseNotesExporterTests {
    static let hostile = [
        "\u{1B}[31mred\u{1B}[0m", "evil\u{202E}txt.exe", "zero\u{200B}width", "# x", "- [ ] y", "- [x] done",
        "[a](b)", "![i](http://evil/p.png)", "<script>alert(1)</script>", "``` fence", "`tick`", "| a | b |",
        "http://evil.example", "line1\nline2", "> quote", "1. item",
    ]

    func item(notes: String, stepNote: String) throws -> CaseNotesExporter.Item {
        let record = TestEvents.record(
            try TestEvents.document(TestEvents.createUser(role: "api-deployer", session: "build-42")))
        var state = TriageAction.close(.falsePositive, reason: "# forged heading").applied(to: .untouched)
        state = TriageAction.setNotes(notes).applied(to: state)
        state = TriageAction.setStepNote(StepKey(index: 0, title: "Identify the actor"), stepNote).applied(to: state)
        state = TriageAction.setStepDone(StepKey(index: 0, title: "Identify the actor"), true).applied(to: state)
        let audit = [
            AuditEntry(alertID: record.uuid, analyst: "<b>ana</b>", time: 0, action: "close", detail: "- [x] y")
        ]
        return .init(record: record, state: state, audit: audit)
    }

    @Test func markdownNeutralisesHostileText() throws {
        let text = Self.hostile.joined(separator: "\n")
        let markdown = CaseNotesExporter(format: .markdown).export([try item(notes: text, stepNote: text)])
        // Only our own structure may start lines.
        let allowedStarts = ["#", "- ", "  - ", "> ", ">", "`", ""]
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(allowedStarts.contains { line.hasPrefix($0) }, "unexpected line start: \(line)")
            #expect(!line.unicodeScalars.contains { UnsafeText.needsEscaping($0) })
        }
        #expect(!markdown.contains("<script>"))
        #expect(!markdown.contains("[a](b)"))
        #expect(!markdown.contains("](http"))
        #expect(!markdown.contains("- [x] done"))
        #expect(!markdown.contains("http://evil"))
        #expect(markdown.contains("\\# forged heading"))
        #expect(markdown.contains("> \\- \\[x\\] done"))
        #expect(markdown.contains("\\\\u\\{1B\\}\\[31mred"))
        // Exactly one real checkbox line per guide step.
        #expect(markdown.split(separator: "\n").filter { $0.hasPrefix("- [x]") || $0.hasPrefix("- [ ]") }.count == 2)
        #expect(markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.count == 1)
    }

    @Test func markdownHasTheTicketSections() throws {
        let markdown = CaseNotesExporter(format: .markdown).export([try item(notes: "ok", stepNote: "fine")])
        for heading in [
            "### Key parameters", "### Actor", "### Source", "### Related activity", "### Checklist",
            "### Disposition", "### Notes", "### Audit trail",
        ] {
            #expect(markdown.contains(heading))
        }
        #expect(markdown.contains("- **userName:** `svc-backup`"))
        #expect(markdown.contains("- **roleArns:** not in this event"))
        #expect(markdown.contains("Known false-positive shape"))
        #expect(markdown.contains("- [x] 1\\. Identify the actor"))
        #expect(markdown.contains("- [ ] 2\\. Check the roles"))
        #expect(markdown.contains("T1098 Account Manipulation"))
        #expect(markdown.contains("false positive"))
    }

    @Test func codeSpansCannotBeClosedEarly() {
        #expect(MarkdownText.code("a`b") == "``a`b``")
        #expect(MarkdownText.code("`x`") == "`` `x` ``")
        #expect(MarkdownText.code("") == "`  `")
    }

    @Test func jsonIsValidAndCarriesTriage() throws {
        let text = Self.hostile.joined(separator: "\n")
        let output = CaseNotesExporter(format: .json).export([try item(notes: text, stepNote: "s")])
        #expect(!output.unicodeScalars.contains { UnsafeText.isInvisibleOrDirectional($0) || ($0 == "\u{1B}") })
        let parsed = try JSONParser.parse(output)
        let alert = try #require(parsed.arrayValue?.first)
        #expect(alert["kibana.alert.uuid"]?.stringValue == "uuid-1")
        #expect(alert["kibana.alert.rule.rule_id"]?.stringValue == "rule-1")
        #expect(alert["kibana.alert.rule.name"]?.stringValue == "Test Rule")
        #expect(alert["kibana.alert.workflow_status"]?.stringValue == "closed")
        #expect(alert["triage.reviewed"]?.boolValue == false)
        #expect(alert["triage.disposition"]?.stringValue == "false_positive")
        #expect(alert["triage.notes"]?.stringValue == text)
        #expect(alert["triage.checklist"]?.arrayValue?.count == 2)
        #expect(alert["triage.checklist"]?.arrayValue?.first?["done"]?.boolValue == true)
        #expect(alert["triage.audit"]?.arrayValue?.first?["analyst"]?.stringValue == "<b>ana</b>")
        #expect(alert["event.action"]?.stringValue == "CreateUser")
    }

    @Test func filtersByStatusFromTheStore() throws {
        let directory = try ScratchDirectory()
        let store = try TriageStore(path: directory.file("state.sqlite"))
        let document = try TestEvents.document(TestEvents.createProfile)
        try store.save([TestEvents.record(document, uuid: "open-one"), TestEvents.record(document, uuid: "closed-one")])
        try store.apply(.close(.truePositive, reason: "r"), to: ["closed-one"], analyst: "ana", time: 1)
        let output = try CaseNotesExporter(format: .json, statuses: [.closed]).export(from: store).text
        let alerts = try #require(try JSONParser.parse(output).arrayValue)
        #expect(alerts.map { $0["kibana.alert.uuid"]?.stringValue } == ["closed-one"])
        #expect(alerts.first?["triage.audit"]?.arrayValue?.count == 1)
        let markdown = try CaseNotesExporter(format: .markdown, statuses: [.open]).export(from: store).text
        #expect(markdown.contains("`open-one`"))
        #expect(!markdown.contains("closed-one"))
    }
}
