import ESQL
import Testing

struct ESQLStatsTests {
    let events = [
        #"{"user":{"name":"amy"},"event":{"action":"B"},"cloud":{"region":"eu-west-1"},"source":{"port":2}}"#,
        #"{"user":{"name":"amy"},"event":{"action":"A"},"cloud":{"region":"us-east-1"},"source":{"port":5}}"#,
        #"{"user":{"name":"amy"},"event":{"action":"A"}}"#,
        #"{"user":{"name":"bob"},"event":{"action":"C"},"cloud":{"region":"us-east-1"}}"#,
    ]

    @Test func countStarCountsRowsCountFieldCountsValues() throws {
        let query = try parse(
            "FROM logs-* | STATS rows = COUNT(*), regions = COUNT(cloud.region), other = count(), "
                + "distinct = COUNT_DISTINCT(cloud.region) BY user.name")
        let rows = run(query, events)
        #expect(query.columns == ["rows", "regions", "other", "distinct", "user.name"])
        #expect(
            rows.map(\.values) == [
                [.integer(3), .integer(2), .integer(3), .integer(2), .keyword("amy")],
                [.integer(1), .integer(1), .integer(1), .integer(1), .keyword("bob")],
            ])
    }

    @Test func valuesAreDistinctSortedAndSkipNulls() throws {
        let query = try parse("FROM logs-* | STATS actions = VALUES(event.action), regions = VALUES(cloud.region)")
        let rows = run(query, events)
        #expect(
            rows.map(\.values) == [
                [
                    .multi([.keyword("A"), .keyword("B"), .keyword("C")]),
                    .multi([.keyword("eu-west-1"), .keyword("us-east-1")]),
                ]
            ])
        let none = try parse("FROM logs-* | STATS v = VALUES(user.target.name), c = COUNT(*), m = MAX(source.port)")
        #expect(run(none, events).map(\.values) == [[.null, .integer(4), .integer(5)]])
    }

    @Test func withoutByThereIsOneRowEvenForNoInput() throws {
        let query = try parse("FROM logs-* | STATS c = COUNT(*), s = SUM(source.port)")
        #expect(run(query, []).map(\.values) == [[.integer(0), .null]])
        let grouped = try parse("FROM logs-* | STATS c = COUNT(*) BY user.name")
        #expect(run(grouped, []).isEmpty)
    }

    @Test func minMaxSumAndSumOverCase() throws {
        let query = try parse(
            #"FROM logs-* | STATS lo = MIN(source.port), hi = MAX(source.port), total = SUM(source.port), "#
                + #"as = SUM(CASE(event.action == "A", 1, 0)), last = MAX(event.action) BY user.name"#)
        let rows = run(query, events)
        #expect(
            rows.first.map(\.values) == [
                .integer(2), .integer(5), .integer(7), .integer(2), .keyword("B"), .keyword("amy"),
            ])
        #expect(rows.last.map(\.values) == [.null, .null, .null, .integer(0), .keyword("C"), .keyword("bob")])
    }

    @Test func aggregateWhereFiltersPerAggregate() throws {
        let query = try parse(
            #"FROM logs-* | STATS a = COUNT(*) WHERE event.action == "A", "#
                + #"b = VALUES(cloud.region) WHERE event.action == "B", "#
                + "all = COUNT(*) BY user.name")
        let rows = run(query, events)
        #expect(
            rows.map(\.values) == [
                [.integer(2), .keyword("eu-west-1"), .integer(3), .keyword("amy")],
                [.integer(0), .null, .integer(1), .keyword("bob")],
            ])
    }

    @Test func multiValuedKeysPutTheRowInEveryGroupAndNullKeysFormAGroup() throws {
        let query = try parse("FROM logs-* | STATS c = COUNT(*) BY event.category")
        let rows = run(query, [#"{"event":{"category":["iam","web"]}}"#, #"{"event":{"category":"iam"}}"#, "{}"])
        #expect(
            rows.map(\.values) == [
                [.integer(2), .keyword("iam")], [.integer(1), .keyword("web")], [.integer(1), .null],
            ])
    }

    @Test func anExpressionInBy() throws {
        let query = try parse(
            "FROM logs-* | STATS c = COUNT(*) BY bucket = DATE_TRUNC(5 minutes, @timestamp), TO_LOWER(user.name)")
        #expect(query.columns == ["c", "bucket", "TO_LOWER(user.name)"])
        let rows = run(
            query,
            [
                #"{"@timestamp":"2024-05-01T00:01:00Z","user":{"name":"Amy"}}"#,
                #"{"@timestamp":"2024-05-01T00:04:59Z","user":{"name":"amy"}}"#,
                #"{"@timestamp":"2024-05-01T00:05:00Z","user":{"name":"amy"}}"#,
            ])
        #expect(
            rows.map(\.values) == [
                [.integer(2), .date(epoch("2024-05-01T00:00:00Z")), .keyword("amy")],
                [.integer(1), .date(epoch("2024-05-01T00:05:00Z")), .keyword("amy")],
            ])
    }

    @Test func sortDescendingPutsNullsFirst() throws {
        let query = try parse("FROM logs-* | SORT source.port DESC | KEEP source.port")
        let rows = run(query, events)
        #expect(rows.map { $0["source.port"] } == [.null, .null, .integer(5), .integer(2)])
        let ascending = try parse("FROM logs-* | SORT source.port | KEEP source.port")
        #expect(run(ascending, events).map { $0["source.port"] } == [.integer(2), .integer(5), .null, .null])
        let nullsLast = try parse("FROM logs-* | SORT source.port DESC NULLS LAST, user.name ASC | KEEP source.port")
        #expect(run(nullsLast, events).map { $0["source.port"] } == [.integer(5), .integer(2), .null, .null])
    }

    @Test func keepPatternsOrderColumnsAsESQLDoes() throws {
        let query = try parse(
            "FROM logs-* | EVAL Esql.b = 1, Esql.a = 2"
                + " | STATS Esql.z = COUNT(*), Esql.c = MAX(Esql.b) BY user.name, Esql.a"
                + " | KEEP user.name, Esql.*")
        #expect(query.columns == ["user.name", "Esql.z", "Esql.c", "Esql.a"])
        // An exact name wins over a pattern wherever it is written, and the rightmost of equal kinds.
        let exact = try parse(
            "FROM logs-* | STATS Esql.z = COUNT(*), Esql.c = COUNT(*) BY user.name | KEEP Esql.*, Esql.z")
        #expect(exact.columns == ["Esql.c", "Esql.z"])
        let all = try parse("FROM logs-* | STATS Esql.z = COUNT(*) BY user.name | KEEP *, Esql.z")
        #expect(all.columns == ["user.name", "Esql.z"])
        // Source columns are listed in name order.
        let source = try parse("FROM logs-* | KEEP user_agent.*, cloud.region")
        #expect(source.columns.first == "user_agent.device.name")
        #expect(source.columns.last == "cloud.region")
    }

    @Test func evalReplacesAColumnAndMovesItToTheEnd() throws {
        let query = try parse("FROM logs-* | KEEP user.name, event.action | EVAL user.name = TO_LOWER(user.name)")
        #expect(query.columns == ["event.action", "user.name"])
        let rows = run(query, [#"{"user":{"name":"AMY"},"event":{"action":"A"}}"#])
        #expect(rows.map(\.values) == [[.keyword("A"), .keyword("amy")]])
    }
}

/// What a scan needs to turn result rows into alerts: which input rows each came from, and the
/// group it is (its BY keys), through the commands after STATS.
struct ESQLRowProvenanceTests {
    @Test func aggregatedRowsKnowTheirInputRowsAndGroupKey() throws {
        let query = try parse(
            "FROM logs-* | STATS c = COUNT(*) BY user.name, event.category | WHERE c >= 1 | SORT c DESC | KEEP c")
        let rows = run(
            query,
            [
                #"{"user":{"name":"amy"},"event":{"category":["iam","web"]}}"#,
                #"{"user":{"name":"bob"},"event":{"category":"iam"}}"#,
                #"{"user":{"name":"amy"},"event":{"category":"iam"}}"#,
            ])
        #expect(rows.map(\.values) == [[.integer(2)], [.integer(1)], [.integer(1)]])
        // amy/iam from rows 0 and 2, then amy/web from row 0 (a multi-valued key) and bob/iam.
        #expect(rows.map(\.sourceRows) == [[0, 2], [0], [1]])
        #expect(
            rows.map(\.groupKey) == [
                [.keyword("amy"), .keyword("iam")], [.keyword("amy"), .keyword("web")],
                [.keyword("bob"), .keyword("iam")],
            ])
    }

    @Test func rowLevelResultsKeepTheirOwnInputRow() throws {
        let query = try parse("FROM logs-* | SORT user.name DESC | KEEP user.name")
        let rows = run(query, [#"{"user":{"name":"amy"}}"#, #"{"user":{"name":"bob"}}"#])
        #expect(rows.map(\.sourceRows) == [[1], [0]])
        #expect(rows.allSatisfy { $0.groupKey == nil })
    }
}
