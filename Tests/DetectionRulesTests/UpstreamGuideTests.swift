import Foundation
import TestSupport
import Testing

@testable import DetectionRules

/// Every investigation guide of Elastic's AWS pack (read from `../shared`, never copied) and of
/// the bundled rules: steps keep their detail, and no Markdown marker reaches the text shown.
@Suite("Upstream investigation guides")
struct UpstreamGuideTests {
    static let upstreamMessage: Comment = "needs ../shared/corpus/elastic-detection-rules-aws next to the checkout"

    @Test(.enabled(if: RepositoryPaths.hasUpstreamRules, upstreamMessage))
    func everyUpstreamStepKeepsItsDetail() throws {
        let rules = try Self.rules(at: RepositoryPaths.upstreamRules)
        #expect(rules.count == 201)
        var checkedGuides = 0
        var stepsWithDetail = 0
        for rule in rules {
            guard let note = rule.note, let guide = rule.investigationGuide else { continue }
            let sourceLines = Self.investigationLines(of: note)
            guard !sourceLines.isEmpty else { continue }
            checkedGuides += 1
            stepsWithDetail += guide.steps.filter { !$0.details.isEmpty }.count
            let parsed = Self.normalised(
                guide.steps.flatMap { [$0.title] + $0.details }.map { GuideText(markdown: $0).plain }
                    .joined(separator: " "))
            for line in sourceLines {
                let words = Self.normalised(GuideText(markdown: line).plain)
                guard !words.isEmpty else { continue }
                #expect(parsed.contains(words), "\(rule.sourcePath): lost \"\(line)\"")
            }
        }
        // Most upstream guides have a "Possible investigation steps" section; many steps have sub-bullets.
        #expect(checkedGuides > 150)
        #expect(stepsWithDetail > 300)
    }

    @Test(.enabled(if: RepositoryPaths.hasUpstreamRules, upstreamMessage))
    func noMarkupReachesUpstreamText() throws {
        for rule in try Self.rules(at: RepositoryPaths.upstreamRules) {
            Self.expectNoMarkup(in: rule)
        }
    }

    @Test func noMarkupReachesBundledText() throws {
        let rules = try Self.rules(at: RepositoryPaths.bundledRules)
        #expect(rules.count == 2)
        for rule in rules {
            #expect(rule.investigationGuide?.steps.isEmpty == false)
            Self.expectNoMarkup(in: rule)
        }
    }

    static func expectNoMarkup(in rule: DetectionRule) {
        guard let guide = rule.investigationGuide else { return }
        let titles = guide.steps.map { GuideText(plain: $0.title) }
        let texts =
            guide.steps.flatMap(\.details) + guide.falsePositiveNotes + guide.responseSteps
            + guide.additionalInformation
        for shown in titles + texts.map(GuideText.init(markdown:)) {
            for run in shown.runs where !run.style.contains(.code) && !run.style.contains(.address) {
                for marker in ["**", "__", "`", "](", "<http"] {
                    #expect(!run.text.contains(marker), "\(rule.sourcePath): \(marker) in \"\(run.text)\"")
                }
            }
            #expect(!shown.plain.contains("`"), "\(rule.sourcePath): backtick in \"\(shown.plain)\"")
        }
    }

    static func rules(at path: String) throws -> [DetectionRule] {
        let result = RuleLoader.load(paths: [path])
        #expect(result.errors.isEmpty, "\(result.errors)")
        return result.rules
    }

    /// The source lines under the guide's investigation-steps heading, list markers removed.
    static func investigationLines(of note: String) -> [String] {
        var lines: [String] = []
        var inside = false
        for raw in note.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let isHeading = line.hasPrefix("#") || (line.hasPrefix("**") && line.hasSuffix("**"))
            if isHeading {
                let lowered = line.lowercased()
                inside = lowered.contains("investigation steps") || lowered.contains("investigation steps:")
                continue
            }
            guard inside, !line.isEmpty, !line.hasPrefix(">"), !line.hasPrefix("```") else { continue }
            var text = Substring(line)
            if let first = text.first, "-*+".contains(first), text.dropFirst().first == " " { text = text.dropFirst(2) }
            let digits = text.prefix { $0.isNumber }
            if !digits.isEmpty, text.dropFirst(digits.count).first == "." { text = text.dropFirst(digits.count + 1) }
            lines.append(String(text))
        }
        return lines
    }

    /// Letters and digits only, words single-spaced: what must survive parsing.
    static func normalised(_ text: String) -> String {
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber) }
        return words.joined(separator: " ")
    }
}
