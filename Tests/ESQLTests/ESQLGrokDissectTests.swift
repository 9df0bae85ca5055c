import ESQL
import Foundation
import Testing

struct ESQLGrokDissectTests {
    func extract(_ command: String, from text: String, columns: String) throws -> [ESQLValue] {
        let query = try parse("FROM logs-* | \(command) | KEEP \(columns)")
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return run(query, [#"{"aws":{"cloudtrail":{"request_parameters":"\#(escaped)"}}}"#]).first?.values ?? []
    }

    @Test func grokSearchesUnanchoredWithInlineCaptures() throws {
        let command = #"GROK aws.cloudtrail.request_parameters """instanceId=(?<Esql.instance_id>[^,}\]]+)""""#
        #expect(
            try extract(
                command, from: "{instancesSet={items=[{instanceId=i-0abc}]}, force=false}", columns: "Esql.instance_id")
                == [.keyword("i-0abc")])
        #expect(try extract(command, from: "{force=false}", columns: "Esql.instance_id") == [.null])
    }

    @Test func grokLibraryPatterns() throws {
        let command =
            #"GROK aws.cloudtrail.request_parameters "accessKeyId=%{NOTSPACE:key}, %{WORD:word} "#
            + #"%{NUMBER:n} %{IP:ip} %{GREEDYDATA:rest}""#
        #expect(
            try extract(
                command, from: "x accessKeyId=ASIAXYZ, status 12.5 10.0.0.1 the end", columns: "key, word, n, ip, rest")
                == [
                    .keyword("ASIAXYZ"), .keyword("status"), .keyword("12.5"), .keyword("10.0.0.1"),
                    .keyword("the end"),
                ])
        let data = #"GROK aws.cloudtrail.request_parameters "%{DATA:first},%{GREEDYDATA:second}""#
        #expect(try extract(data, from: "a,b,c", columns: "first, second") == [.keyword("a"), .keyword("b,c")])
        let typed = #"GROK aws.cloudtrail.request_parameters "cpu=%{NUMBER:cpu:int}""#
        #expect(try extract(typed, from: "{cpu=8192}", columns: "cpu") == [.integer(8192)])
    }

    /// The text search that spares the regex engine must never reject an input the pattern matches:
    /// after a leading `.*`, and with alternatives (where no literal is required).
    @Test func theLiteralShortcutKeepsEveryMatch() throws {
        let dotStar =
            #"GROK aws.cloudtrail.request_parameters """.*accessKeyId=(?<k>AKIA[A-Z0-9]{4}).*""""#
        #expect(try extract(dotStar, from: "{x=1, accessKeyId=AKIAABCD, y=2}", columns: "k") == [.keyword("AKIAABCD")])
        #expect(try extract(dotStar, from: "{x=1, secretKeyId=AKIAABCD}", columns: "k") == [.null])
        let alternatives = #"GROK aws.cloudtrail.request_parameters """abc=(?<v>[0-9]+)|def=(?<w>[0-9]+)""""#
        #expect(try extract(alternatives, from: "{def=42}", columns: "w") == [.keyword("42")])
        let optional = #"GROK aws.cloudtrail.request_parameters """keys?=(?<v>[0-9]+)""""#
        #expect(try extract(optional, from: "{key=7}", columns: "v") == [.keyword("7")])
    }

    @Test func grokOnAMissingFieldGivesNulls() throws {
        let query = try parse(#"FROM logs-* | GROK user.name "%{WORD:w}" | KEEP w"#)
        #expect(run(query, ["{}"]).map(\.values) == [[.null]])
    }

    @Test func dissectMatchesTheWholeStringWithSkipKeys() throws {
        let command = #"DISSECT aws.cloudtrail.request_parameters "{%{?k}=%{code}, %{?qk}=%{quota}}""#
        #expect(
            try extract(command, from: "{serviceCode=ec2, quotaCode=L-1216C47A}", columns: "code, quota")
                == [.keyword("ec2"), .keyword("L-1216C47A")])
        #expect(
            try extract(command, from: "serviceCode=ec2, quotaCode=L-1216C47A}", columns: "code, quota")
                == [.null, .null])
        #expect(try extract(command, from: "{serviceCode=ec2}", columns: "code, quota") == [.null, .null])
        #expect(
            try extract(command, from: "{serviceCode=ec2, quotaCode=L-1}trailing", columns: "code, quota")
                == [.null, .null])
    }

    @Test func dissectEmptyKeyAndRightPadding() throws {
        let command = #"DISSECT aws.cloudtrail.request_parameters "%{}static/js/%{file}""#
        #expect(try extract(command, from: "site/static/js/main.js", columns: "file") == [.keyword("main.js")])
        #expect(try extract(command, from: "site/static/css/main.css", columns: "file") == [.null])
        let padded = #"DISSECT aws.cloudtrail.request_parameters "%{a->} %{b}""#
        #expect(try extract(padded, from: "x    y", columns: "a, b") == [.keyword("x"), .keyword("y")])
    }
}

/// GROK skips the regex when the input lacks the pattern's leading text; the answer must not change.
struct ESQLGrokLeadingTextTests {
    @Test func theLeadingTextShortcutKeepsEveryAnswer() throws {
        let query = try parse(
            #"FROM logs-* | GROK user.name "ab?c=%{WORD:found}" | KEEP found"#)
        let rows = run(
            query,
            [
                #"{"user":{"name":"x ac=one"}}"#, #"{"user":{"name":"abc=two"}}"#, #"{"user":{"name":"abbc=three"}}"#,
                #"{"user":{"name":"c=four"}}"#, #"{"user":{"name":"nothing"}}"#,
            ])
        #expect(rows.map(\.values) == [[.keyword("one")], [.keyword("two")], [.null], [.null], [.null]])
    }
}
