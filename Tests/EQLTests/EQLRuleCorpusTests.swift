import EQL
import Foundation
import TestSupport
import Testing

/// The EQL queries of Elastic's AWS rules, read from the shared corpus.
enum AWSRuleCorpus {
    struct Rule: Sendable {
        let file: String
        let query: String
        let categoryField: String
    }

    static let directory = RepositoryPaths.root + "/../shared/corpus/elastic-detection-rules-aws"
    static var isPresent: Bool { FileManager.default.fileExists(atPath: directory) }

    /// Every `type = "eql"` rule under the corpus, sorted by path.
    static func eqlRules() throws -> [Rule] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            return []
        }
        var rules: [Rule] = []
        for case let relative as String in enumerator where relative.hasSuffix(".toml") {
            let text = try String(contentsOfFile: directory + "/" + relative, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            guard lines.contains(where: { $0 == #"type = "eql""# }),
                let start = lines.firstIndex(where: { $0 == "query = '''" }),
                let end = lines[(start + 1)...].firstIndex(where: { $0 == "'''" })
            else {
                continue
            }
            // Triple-single-quoted TOML strings are literal: the text between the lines is the query.
            let query = lines[(start + 1)..<end].joined(separator: "\n")
            let override = lines.first { $0.hasPrefix("event_category_override = ") }
            let categoryField = override.map { $0.split(separator: "\"")[1] }.map(String.init) ?? "event.category"
            rules.append(Rule(file: relative, query: query, categoryField: categoryField))
        }
        return rules.sorted { $0.file < $1.file }
    }
}

@Suite struct EQLRuleCorpusTests {
    @Test func everyAWSEQLRuleParses() throws {
        guard AWSRuleCorpus.isPresent else {
            print("skipped: \(AWSRuleCorpus.directory) is absent, so the AWS EQL rules cannot be parsed")
            return
        }
        let rules = try AWSRuleCorpus.eqlRules()
        #expect(rules.count == 28)
        var sequences = 0
        for rule in rules {
            do {
                let query = try EQLQuery.parse(rule.query)
                #expect(!query.fieldsRead.isEmpty, "\(rule.file)")
                if let sequence = query.sequence {
                    sequences += 1
                    #expect(sequence.stageCount == 2 && sequence.maxspanMilliseconds == 15 * 60_000, "\(rule.file)")
                }
            } catch {
                Issue.record("\(rule.file): \(error)\n\(error.caretDiagram(in: rule.query))")
            }
        }
        #expect(sequences == 1)
        #expect(rules.filter { $0.categoryField == "event.type" }.count == 13)
    }

    @Test func escapedStarInARuleIsALiteralStar() throws {
        guard AWSRuleCorpus.isPresent else {
            print("skipped: \(AWSRuleCorpus.directory) is absent")
            return
        }
        let rule = try #require(
            try AWSRuleCorpus.eqlRules().first {
                $0.file.hasSuffix("persistence_lambda_backdoor_invoke_function_for_any_principal.toml")
            })
        let query = try EQLQuery.parse(rule.query)
        var fields = [
            "event.type": ["info"], "data_stream.dataset": ["aws.cloudtrail"],
            "event.provider": ["lambda.amazonaws.com"], "event.outcome": ["success"],
            "event.action": ["AddPermission20150331v2"],
            "aws.cloudtrail.request_parameters": ["{action=lambda:InvokeFunction, principal=*, functionName=f}"],
        ]
        #expect(query.matches(TestDocument(fields), categoryField: rule.categoryField))
        fields["aws.cloudtrail.request_parameters"] = ["{action=lambda:InvokeFunction, principal=1234, functionName=f}"]
        #expect(!query.matches(TestDocument(fields), categoryField: rule.categoryField))
    }
}
