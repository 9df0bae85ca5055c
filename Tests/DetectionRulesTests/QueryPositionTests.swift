import Foundation
import Testing

@testable import DetectionRules

@Suite("Query position")
struct QueryPositionTests {
    /// The file line holding the query's `n`th line (1-based), found by text search.
    func fileLine(containing text: String, in path: String) throws -> Int {
        let contents = try String(contentsOfFile: path, encoding: .utf8)
        let lines = contents.split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex { $0.contains(text) })
        return index + 1
    }

    @Test func multilineLiteralQueryStartsOnTheLineAfterTheOpener() throws {
        let path = TestPaths.fixture("new_terms_rule.toml")
        let rule = try RuleLoader.load(fileAt: path)
        let firstLine = try fileLine(containing: "data_stream.dataset: \"aws.cloudtrail\" and", in: path)
        #expect(rule.queryPosition == SourcePosition(line: firstLine, column: 1))

        // `user.id` is on the query's second line, column 9 (after four spaces and "and ").
        let secondLine = try #require(rule.query?.split(separator: "\n").dropFirst().first)
        let column = try #require(secondLine.range(of: "user.id")).lowerBound.utf16Offset(in: secondLine) + 1
        let mapped = rule.filePosition(ofQueryPosition: SourcePosition(line: 2, column: column))
        #expect(mapped == SourcePosition(line: firstLine + 1, column: 9))
    }

    @Test func singleLineStringsStartAfterTheQuote() throws {
        let text =
            """
            [rule]\nrule_id = \"x\"\nname = \"n\"\ndescription = \"d\"\ntype = \"query\"\nseverity = \
            \"low\"\nrisk_score = 21\n  query = 'event.action: x'\n
            """
        let rule = try RuleLoader.load(text: text, sourcePath: "inline.toml")
        #expect(rule.queryPosition == SourcePosition(line: 8, column: 12))
        #expect(
            rule.filePosition(ofQueryPosition: SourcePosition(line: 1, column: 15))
                == SourcePosition(line: 8, column: 26))
    }

    @Test func textOnTheOpenerLineStartsThere() throws {
        let text =
            """
            [rule]\nrule_id = \"x\"\nname = \"n\"\ndescription = \"d\"\ntype = \"query\"\nseverity = \
            \"low\"\nrisk_score = 21\nquery = '''a: b\nand c: d'''\n
            """
        let rule = try RuleLoader.load(text: text, sourcePath: "inline.toml")
        #expect(rule.queryPosition == SourcePosition(line: 8, column: 12))
    }
}
