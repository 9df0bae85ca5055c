import ESQL
import Testing

struct ESQLParserTests {
    @Test(arguments: [
        ("| DROP event.action", "DROP"),
        ("| RENAME event.action AS a", "RENAME"),
        ("| LIMIT 10", "LIMIT"),
        ("| MV_EXPAND event.category", "MV_EXPAND"),
        ("| ENRICH policy ON source.ip", "ENRICH"),
        ("| LOOKUP JOIN hosts ON host.name", "LOOKUP JOIN"),
        ("| INLINE STATS c = COUNT(*)", "INLINE STATS"),
    ])
    func unsupportedCommandsAreRefusedWithTheirPosition(command: String, name: String) throws {
        let text = "FROM logs-aws.cloudtrail-*\n  \(command)"
        let error = try #require(syntaxError(text))
        #expect(error.message.contains(name))
        #expect(error.line == 2)
        #expect(error.column == 5)
        #expect(error.caretDiagram(in: text) == "  \(command)\n    ^")
    }

    @Test func unknownFunctionsAreRefusedByName() throws {
        let error = try #require(syntaxError("FROM logs-*\n| EVAL x = LENGTH(event.action)"))
        #expect(error.message == "function LENGTH is not supported")
        #expect((error.line, error.column) == (2, 12))
        #expect(syntaxError("FROM logs-* | EVAL x = TO_LOWER(event.action)") == nil)
    }

    @Test func unknownColumnsAreErrorsButMappedFieldsAbsentFromDocumentsAreNot() throws {
        let error = try #require(syntaxError("FROM logs-* | WHERE event.actoin == \"x\""))
        #expect(error.message == "unknown column event.actoin")
        #expect(error.column == 21)
        // A mapped enrichment field that no document carries is a column of nulls.
        let query = try parse(
            "FROM logs-* | WHERE source.as.organization.name IS NULL | KEEP source.as.organization.name")
        let rows = run(query, [#"{"event":{"action":"A"}}"#])
        #expect(rows.map(\.values) == [[.null]])
    }

    @Test func columnsDroppedByKeepOrStatsAreGone() {
        #expect(syntaxError("FROM logs-* | KEEP event.action | WHERE user.name == \"a\"") != nil)
        #expect(syntaxError("FROM logs-* | STATS c = COUNT(*) BY user.name | WHERE event.action == \"a\"") != nil)
        #expect(
            syntaxError("FROM logs-* | STATS c = COUNT(*) BY user.name | WHERE c > 1 AND user.name == \"a\"") == nil)
    }

    @Test func metadataColumnsNeedMetadata() throws {
        #expect(syntaxError("FROM logs-* | KEEP _id") != nil)
        let query = try parse("FROM logs-* METADATA _id, _index, _version | KEEP _id, _index, _version")
        #expect(run(query, ["{}"]).map(\.values) == [[.keyword("doc-0"), .keyword("logs-test"), .integer(1)]])
        #expect(query.metadataFields == ["_id", "_index", "_version"])
    }

    @Test func commandsKeywordsAndFunctionsAreCaseInsensitive() throws {
        let query = try parse(
            "from logs-* | Where event.action == \"x\" Or event.action == \"A\""
                + " | eval l = to_lower(event.action) | keep l"
        )
        #expect(run(query, [#"{"event":{"action":"A"}}"#]).map(\.values) == [[.keyword("a")]])
    }

    @Test func commentsBackticksAndTripleQuotedStrings() throws {
        let text = """
            FROM logs-aws.cloudtrail-* // the index
            /* a block
               comment */
            | WHERE `source.as.organization.name` == "ACME" // trailing
            | EVAL quoted = \"\"\"a "b" \\d\"\"\", escaped = "tab\\there"
            | KEEP quoted, escaped
            """
        let query = try parse(text)
        let rows = run(query, [#"{"source":{"as":{"organization":{"name":"ACME"}}}}"#, "{}"])
        #expect(rows.map(\.values) == [[.keyword(#"a "b" \d"#), .keyword("tab\there")]])
    }

    @Test func sourcePatternsAggregationAndFieldsRead() throws {
        let query = try parse(
            "FROM logs-aws.cloudtrail-*, other-* | WHERE event.action == \"A\" AND KQL(\"\"\"user.name: bob\"\"\")"
                + " | STATS c = COUNT(*) BY cloud.account.id")
        #expect(query.sourcePatterns == ["logs-aws.cloudtrail-*", "other-*"])
        #expect(query.isAggregating)
        #expect(query.fieldsRead == ["event.action", "user.name", "cloud.account.id"])
        #expect(query.columns == ["c", "cloud.account.id"])
        #expect(query.preparedColumns == ["cloud.account.id"])
        let rowLevel = try parse("FROM logs-* | WHERE event.action == \"A\" | KEEP event.*")
        #expect(!rowLevel.isAggregating)
    }

    @Test func kqlIsOnlyAllowedInWhereBeforeStats() throws {
        let afterStats = try #require(
            syntaxError("FROM logs-* | STATS c = COUNT(*) BY user.name | WHERE KQL(\"user.name: a\")"))
        #expect(afterStats.message.contains("KQL()"))
        #expect(syntaxError("FROM logs-* | EVAL k = KQL(\"user.name: a\")") != nil)
        let badKQL = try #require(syntaxError("FROM logs-* | WHERE KQL(\"user.name: (a\")"))
        #expect(badKQL.message.hasPrefix("KQL() query:"))
    }

    @Test func otherUnsupportedConstructsAreNamed() throws {
        #expect(try #require(syntaxError("ROW a = 1")).message.contains("ROW"))
        #expect(try #require(syntaxError("FROM logs-* | STATS x = MEDIAN(source.port)")).message.contains("MEDIAN"))
        #expect(try #require(syntaxError("FROM logs-* | EVAL x = COUNT(*)")).message.contains("only be used in STATS"))
        #expect(
            try #require(syntaxError("FROM logs-* | WHERE @timestamp > NOW() - 1 month")).message.contains("calendar"))
        #expect(try #require(syntaxError("FROM logs-* | WHERE user.name RLIKE \"a&b\"")).message.contains("&"))
        #expect(try #require(syntaxError("FROM logs-* | GROK user.name \"%{NOPE:x}\"")).message.contains("NOPE"))
        #expect(try #require(syntaxError("FROM logs-* | DISSECT user.name \"%{+a} %{b}\"")).message.contains("+"))
        #expect(try #require(syntaxError("FROM logs-* | WHERE user.name = \"a\"")).message.contains("=="))
        #expect(try #require(syntaxError("FROM logs-* | KEEP nothing.*")).message.contains("nothing.*"))
    }

    /// Rules write `@timestamp >= NOW() - 7 days` beside their field conditions; the field
    /// conditions still drop a document while it is prepared, and may use KQL().
    @Test func aWhereCallingNowStillDropsDocumentsOnItsOtherConditionsWhilePreparing() throws {
        let query = try parse(
            #"FROM logs-* | WHERE @timestamp >= NOW() - 1 hour AND KQL("user.name: amy") AND event.action != "B""#
                + " | STATS c = COUNT(*)")
        let metadata = ESQLMetadata(id: "1", index: "logs-test")
        let at = #""@timestamp":"2026-01-01T00:00:00.000Z""#
        #expect(query.prepare(TestDocument(#"{\#(at),"user":{"name":"bob"}}"#), metadata: metadata) == nil)
        #expect(
            query.prepare(TestDocument(#"{\#(at),"user":{"name":"amy"},"event":{"action":"B"}}"#), metadata: metadata)
                == nil)
        let kept = try #require(
            query.prepare(TestDocument(#"{\#(at),"user":{"name":"amy"},"event":{"action":"A"}}"#), metadata: metadata))
        let start: Int64 = 1_767_225_600_000
        #expect(query.finish([kept], now: start + 3_600_000).map(\.values) == [[.integer(1)]])
        #expect(query.finish([kept], now: start + 3_600_001).map(\.values) == [[.integer(0)]])
        let tangled = try #require(
            syntaxError(#"FROM logs-* | WHERE KQL("user.name: amy") OR @timestamp >= NOW() - 1 hour"#))
        #expect(tangled.message.contains("KQL()"))
    }
}
