import ESQL
import Foundation
import TestSupport
import Testing

/// The 24 ES|QL queries of Elastic's AWS rules, read from the shared corpus.
struct AWSRuleQueryTests {
    static let rulesDirectory = RepositoryPaths.root + "/../shared/corpus/elastic-detection-rules-aws"

    /// (file name, query text) of every `type = "esql"` rule.
    static func ruleQueries() -> [(String, String)] {
        guard let enumerator = FileManager.default.enumerator(atPath: rulesDirectory) else { return [] }
        var queries: [(String, String)] = []
        for case let path as String in enumerator where path.hasSuffix(".toml") {
            guard let text = try? String(contentsOfFile: rulesDirectory + "/" + path, encoding: .utf8),
                text.contains("\ntype = \"esql\""),
                let start = text.range(of: "\nquery = '''\n"),
                let end = text.range(of: "\n'''", range: start.upperBound..<text.endIndex)
            else { continue }
            queries.append((path, String(text[start.upperBound..<end.lowerBound])))
        }
        return queries.sorted { $0.0 < $1.0 }
    }

    @Test func everyAWSQueryParses() throws {
        guard FileManager.default.fileExists(atPath: Self.rulesDirectory) else {
            print("skipped: \(Self.rulesDirectory) is absent (the shared corpus is not checked out)")
            return
        }
        let queries = Self.ruleQueries()
        #expect(queries.count == 24)
        for (path, text) in queries {
            let schema: ESQLSchema = text.contains(".alerts-security") ? .securityAlerts : .cloudTrail
            do {
                let query = try ESQLQuery.parse(text, schema: schema)
                #expect(!query.sourcePatterns.isEmpty, "\(path)")
            } catch {
                Issue.record("\(path): \(error)\n\(error.caretDiagram(in: text))")
            }
        }
    }
}
