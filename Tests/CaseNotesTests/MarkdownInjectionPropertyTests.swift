import Alerts
import DetectionRules
import ECSMapping
// Foundation for its `contains`, which finds text scalar by scalar; the standard library's
// compares Characters and misses a match followed by a combining mark.
import Foundation
import RelatedActivity
import Testing
import TrailTriageJSON
import TriageTestSupport

@testable import CaseNotes
@testable import TriageModel

/// Random hostile text in every place the Markdown export writes log or analyst text, rendered
/// by a real CommonMark implementation: the hostile export must have exactly the elements of
/// the same export with harmless text, and each hostile piece must come out as literal text
/// (code spans holding exactly the value, prose holding exactly the value).
@Suite(
    .enabled(
        if: CommonMarkRenderer.isAvailable,
        "python3 with markdown_it is missing (Scripts/install-deps.sh installs it): Markdown rendering tests skipped"))
struct MarkdownInjectionPropertyTests {
    /// Pieces hostile strings are made of: Markdown and HTML syntax, combining marks (which join
    /// a backtick into one Swift `Character`), whitespace runs, line breaks, controls and bidi.
    static let fragments: [String] = [
        "`", "``", "```", "~~~", "\u{301}", "\u{300}", "\u{20DD}", "\u{34F}", "[", "]", "(", ")", "![", "](",
        "](http://evil.example/x)", "[a](b)", "![i](http://evil.example/p.png)", "<img src=x onerror=alert(1)>",
        "<", ">", "</div>", "<!--", "-->", "<script>", "|", " | ", "|---|", "- ", "* ", "+ ", "1. ", "1) ",
        "- [ ] ", "- [x] ", "# ", "## ", "=", "===", "---", "***", "\n", "\r\n", "\r", "\n\n", "*", "_", "**",
        "__", "~~", "&amp;", "&#x3C;", "&lt;", "&#32;", "<http://evil.example>", "https://evil.example",
        "www.evil.example", "a@evil.example", "\u{0}", "\u{1B}[31m", "\u{7}", "\u{7F}", "\u{85}", "\u{202E}",
        "\u{2066}", "\u{200B}", "\u{2028}", "\u{FEFF}", "\u{A0}", "\u{3000}", "\t", "    ", "  ", " ", "\\",
        "\\`", "$", "$$", ":", "[^1]", "[x]: http://evil.example", "{", "}", "\"", "'", "a", "text", "é",
        "日本", "🙂", "\u{1F1FA}\u{1F1F8}",
    ]

    /// A deterministic generator, so a failing case reproduces from its number.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The text for each slot of one export, hostile or harmless.
    struct Slots {
        var values: [String: String]
        subscript(_ name: String) -> String { values[name] ?? "" }
    }

    /// Slots written as inline code and slots written as prose (with the notes, quoted line by
    /// line). Each must come out literally in that kind of element.
    static let codeSlots = [
        "arn", "identityType", "accessKey", "principal", "issuer", "mfa", "action", "region", "source",
        "userAgent", "account", "role1", "role2", "trustAnchorArn", "duration", "userName", "name", "uuid",
        "ruleID", "related1Action", "related1Provider", "related1Outcome", "related2Action", "anchorArn",
        "anchorName", "anchorSource", "anchorCA", "firstSeenAction",
    ]
    static let proseSlots = [
        "ruleName", "severity", "tactic", "technique", "step1", "step2", "stepNote", "reason", "analyst",
        "auditAction", "auditDetail",
    ]

    static func hostile(_ generator: inout SplitMix64) -> String {
        var text = ""
        while text.unicodeScalars.allSatisfy({ $0 == " " }) {
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                text += fragments.randomElement(using: &generator) ?? ""
            }
        }
        return text
    }

    static func slots(case number: Int) -> (hostile: Slots, benign: Slots) {
        var generator = SplitMix64(state: UInt64(number) &* 7919)
        var hostile: [String: String] = [:]
        var benign: [String: String] = [:]
        for (index, name) in (codeSlots + proseSlots).enumerated() {
            hostile[name] = Self.hostile(&generator)
            benign[name] = "benign\(index)"
        }
        // The notes keep their line structure: one harmless line per hostile line, blank for blank.
        let notes = (0..<Int.random(in: 1...4, using: &generator)).map { _ in
            Bool.random(using: &generator) ? "" : Self.hostile(&generator)
        }.joined(separator: ["\n", "\r\n", "\r"].randomElement(using: &generator) ?? "\n")
        hostile["notes"] = notes
        benign["notes"] = Self.notesLines(notes).map { $0.isEmpty ? "" : "benign notes" }.joined(separator: "\n")
        return (Slots(values: hostile), Slots(values: benign))
    }

    /// One CreateProfile alert carrying `slots` everywhere the exporter writes log or analyst
    /// text. With `namesAnchor` the request names its trust anchor; without, the export lists
    /// the trust anchors found in related activity instead.
    static func item(_ slots: Slots, namesAnchor: Bool) throws -> CaseNotesExporter.Item {
        var request: JSONObject = [
            "name": .string(slots["name"]), "userName": .string(slots["userName"]),
            "roleArns": .array([.string(slots["role1"]), .string(slots["role2"])]),
            "durationSeconds": .string(slots["duration"]),
        ]
        if namesAnchor { request["trustAnchorArn"] = .string(slots["trustAnchorArn"]) }
        let event: JSONObject = [
            "eventVersion": .string("1.09"),
            "userIdentity": .object([
                "type": .string(slots["identityType"]), "principalId": .string(slots["principal"]),
                "arn": .string(slots["arn"]), "accountId": .string(slots["account"]),
                "accessKeyId": .string(slots["accessKey"]),
                "sessionContext": .object([
                    "sessionIssuer": .object(["type": .string("Role"), "arn": .string(slots["issuer"])]),
                    "attributes": .object([
                        "creationDate": .string("2026-03-10T08:00:00Z"), "mfaAuthenticated": .string(slots["mfa"]),
                    ]),
                ]),
            ]),
            "eventTime": .string("2026-03-10T09:00:00Z"), "eventSource": .string(slots["provider"]),
            "eventName": .string(slots["action"]), "awsRegion": .string(slots["region"]),
            "sourceIPAddress": .string(slots["source"]), "userAgent": .string(slots["userAgent"]),
            "requestParameters": .object(request), "eventID": .string("injection"),
            "eventType": .string("AwsApiCall"), "recipientAccountId": .string(slots["account"]),
        ]
        let json = JSONWriter(pretty: false).string(from: .object(event))
        let document = try TestEvents.document(json)
        var record = TestEvents.record(document, uuid: slots["uuid"], steps: [slots["step1"], slots["step2"]])
        record.rule = AlertRule(
            ruleID: slots["ruleID"], name: slots["ruleName"], type: .query, severity: Severity(name: slots["severity"]),
            riskScore: 47)
        record.mitre = [MITRETechnique(tactic: slots["tactic"], technique: slots["technique"])]
        let related = [
            EventSummary(
                time: 1, eventID: "r1", provider: slots["related1Provider"], action: slots["related1Action"],
                outcome: slots["related1Outcome"]),
            EventSummary(
                time: 2, eventID: "r2", provider: "iam.amazonaws.com", action: slots["related2Action"],
                outcome: "success"),
        ]
        record.relatedActivity = related.map {
            RelatedEvent(event: $0, relation: .sameARN, isFollowUp: false, isAlertEvent: false)
        }
        var anchorEvent = EventSummary(
            time: 0, eventID: "a1", provider: "rolesanywhere.amazonaws.com",
            action: "CreateTrustAnchor")
        anchorEvent.trustAnchor = TrustAnchorDetails(
            arn: slots["anchorArn"], name: slots["anchorName"], sourceType: slots["anchorSource"],
            certificateAuthorityARN: slots["anchorCA"])
        record.trustAnchors = [RelatedTrustAnchor(event: anchorEvent, relation: .sameActor)]
        record.firstSeen = EventSummary(time: 0, eventID: "f1", provider: "p", action: slots["firstSeenAction"])

        let step = StepKey(index: 0, title: slots["step1"])
        var state = TriageAction.close(.truePositive, reason: slots["reason"]).applied(to: .untouched)
        state = TriageAction.setNotes(slots["notes"]).applied(to: state)
        state = TriageAction.setStepNote(step, slots["stepNote"]).applied(to: state)
        let audit = [
            AuditEntry(
                alertID: record.uuid, analyst: slots["analyst"], time: 0,
                action: slots["auditAction"], detail: slots["auditDetail"])
        ]
        return CaseNotesExporter.Item(record: record, state: state, audit: audit)
    }

    static let caseCount = 300

    @Test func hostileTextRendersAsLiteralTextOnly() throws {
        var documents: [String] = []
        var cases: [Slots] = []
        for number in 0..<Self.caseCount {
            let (hostile, benign) = Self.slots(case: number)
            let exporter = CaseNotesExporter(format: .markdown)
            documents.append(exporter.export([try Self.item(hostile, namesAnchor: number.isMultiple(of: 2))]))
            documents.append(exporter.export([try Self.item(benign, namesAnchor: number.isMultiple(of: 2))]))
            cases.append(hostile)
        }
        let renderings = try CommonMarkRenderer.render(documents)
        try #require(renderings.count == documents.count)
        var failures = 0
        for (number, slots) in cases.enumerated() where failures < 5 {
            let hostile = renderings[2 * number]
            let benign = renderings[2 * number + 1]
            let before = failures
            if hostile.structure != benign.structure {
                let common = min(hostile.structure.count, benign.structure.count)
                let split = (0..<common).first { hostile.structure[$0] != benign.structure[$0] } ?? common
                let got = hostile.structure.dropFirst(split).prefix(4)
                let wanted = benign.structure.dropFirst(split).prefix(4)
                Issue.record("case \(number): elements differ at token \(split): \(got) instead of \(wanted)")
                Issue.record("case \(number):\n\(documents[2 * number])")
                failures += 1
                continue
            }
            for name in Self.codeSlots {
                if name == "trustAnchorArn" && !number.isMultiple(of: 2) { continue }
                if name.hasPrefix("anchor") && number.isMultiple(of: 2) { continue }
                let expected = UnsafeText.visible(slots[name])
                if !hostile.codeSpans.contains(expected) {
                    Issue.record("case \(number): \(name) \(String(reflecting: expected)) is not a code span")
                    failures += 1
                }
            }
            for text in Self.proseSlots.map({ slots[$0] }) + Self.notesLines(slots["notes"]).filter({ !$0.isEmpty }) {
                let expected = UnsafeText.visible(text)
                if !hostile.texts.contains(where: { $0.contains(expected) }) {
                    Issue.record("case \(number): \(String(reflecting: expected)) is not literal text")
                    failures += 1
                }
            }
            if failures > before { Issue.record("case \(number):\n\(documents[2 * number])") }
        }
    }

    /// The lines of `notes`, split where the exporter splits them (LF, CR LF, CR).
    static func notesLines(_ notes: String) -> [String] {
        var lines: [String] = []
        var line = String.UnicodeScalarView()
        var afterCR = false
        for scalar in notes.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            if scalar == "\n" && afterCR { continue }
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(line))
                line = String.UnicodeScalarView()
            } else {
                line.append(scalar)
            }
        }
        return lines + [String(line)]
    }

    @Test func aBacktickWithACombiningAccentStaysInsideItsCodeSpan() throws {
        var slots = Self.slots(case: 0).benign
        let attack =
            "`\u{301} [forged](http://evil.example) ![i](http://evil.example/p.png) "
            + "<img src=x onerror=alert(1)>"
        slots.values["userAgent"] = attack
        let markdown = CaseNotesExporter(format: .markdown).export([try Self.item(slots, namesAnchor: true)])
        let benignItem = try Self.item(Self.slots(case: 0).benign, namesAnchor: true)
        let benign = CaseNotesExporter(format: .markdown).export([benignItem])
        let renderings = try CommonMarkRenderer.render([markdown, benign])
        try #require(renderings.count == 2)
        #expect(renderings[0].structure == renderings[1].structure)
        #expect(renderings[0].codeSpans.contains(attack))
        #expect(
            !renderings[0].structure.contains {
                $0.hasPrefix("link_open") || $0.hasPrefix("image") || $0.hasPrefix("html")
            })
    }

    @Test func codeSpansPadOnScalarsNotCharacters() {
        #expect(MarkdownText.code("`\u{301}x") == "`` `\u{301}x ``")
        #expect(MarkdownText.code("x`\u{301}") == "``x`\u{301}``")
        #expect(MarkdownText.code(" \u{301}x") == "`  \u{301}x `")
        #expect(MarkdownText.code("  ") == "`  `")
    }

    @Test func proseKeepsEdgeSpacesAsReferences() {
        #expect(MarkdownText.escaped("    code") == "&#32;&#32;&#32;&#32;code")
        #expect(MarkdownText.escaped("break  ") == "break&#32;&#32;")
        #expect(MarkdownText.escaped("a b") == "a b")
        #expect(MarkdownText.quoted("a\r\n\u{301}b\rc") == ["> a", "> \u{301}b", "> c"])
    }
}
