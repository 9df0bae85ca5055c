import ESQL
import Foundation
import Testing

/// The window aggregator must answer every run as finishing the run's rows in one batch does,
/// while rows enter, leave, and age past `NOW()` conditions.
struct ESQLWindowAggregatorTests {
    static let minute: Int64 = 60_000
    /// 2026-01-01T00:00:00Z.
    static let base: Int64 = 1_767_225_600_000

    /// Deterministic, uneven traffic: bursts and gaps, a user with two names, ports that grow.
    static func documents(count: Int) -> [(time: Int64, json: String)] {
        var documents: [(Int64, String)] = []
        var minutes = 0
        for index in 0..<count {
            minutes += (index * 7919) % 5 + (index % 40 == 0 ? 45 : 0)
            let user = ["amy", "bob", "cy"][(index * 31) % 3]
            let name = user == "cy" ? #"["cy","cy2"]"# : #""\#(user)""#
            let port = index % 9 == 0 ? #"1099511627777"# : "\((index * 37) % 6)"
            let json = """
                {"@timestamp":"2026-01-\(String(format: "%02d", 1 + minutes / 1440))T\
                \(String(format: "%02d:%02d", minutes / 60 % 24, minutes % 60)):00.000Z",\
                "user":{"name":\(name)},"event":{"action":"A\((index * 13) % 4)"},\
                "source":{"ip":"10.0.0.\((index * 17) % 5)","port":\(port)}}
                """
            documents.append((base + Int64(minutes) * minute, json))
        }
        return documents
    }

    /// Adds the documents a few at a time, removes the oldest, and finishes at run ends that mostly
    /// move on (and twice go back), checking each answer against a batch finish of the rows held.
    func expectBatchAnswers(_ text: String, documents count: Int = 300) throws {
        let query = try ESQLQuery.parse(text)
        var aggregator = try #require(ESQLWindowAggregator(query))
        let prepared = Self.documents(count: count).enumerated().compactMap { index, document in
            query.prepare(TestDocument(document.json), metadata: ESQLMetadata(id: "e\(index)", index: "logs"))
                .map { (id: index, time: document.time, row: $0) }
        }
        var held: [(id: Int, time: Int64, row: ESQLRow)] = []
        var next = 0
        var step = 0
        var answered = 0
        while next < prepared.count {
            step += 1
            let batch = prepared[next..<min(prepared.count, next + step % 4 + 1)]
            aggregator.add(batch.map { ($0.id, $0.row) })
            held += batch
            next += batch.count
            let newest = held.last?.time ?? Self.base
            while let oldest = held.first, oldest.time < newest - 30 * Self.minute {
                aggregator.remove(id: oldest.id)
                held.removeFirst()
            }
            let now = newest + Int64(step % 7 == 0 ? -40 : step % 3) * Self.minute
            let expected = query.finish(held.map(\.row), now: now).map { row in
                "\(row.columns) \(row.values) key=\(String(describing: row.groupKey)) "
                    + "from=\(row.sourceRows.map { held[$0].id })"
            }
            let actual = aggregator.finish(now: now).map { row in
                "\(row.columns) \(row.values) key=\(String(describing: row.groupKey)) from=\(row.sourceRows)"
            }
            #expect(actual == expected, "run ending \(now), step \(step)")
            answered += expected.count
        }
        #expect(answered > 0)
    }

    @Test func recencyConditionsBeforeStatsAndEveryRunningAggregate() throws {
        try expectBatchAnswers(
            """
            FROM logs-*
            | WHERE @timestamp >= NOW() - 20 minutes AND event.action != "A3"
            | EVAL pair = CONCAT(user.name, "-", source.ip)
            | STATS ips = COUNT_DISTINCT(source.ip), pairs = VALUES(pair), first = MIN(@timestamp),
                last = MAX(@timestamp), ones = SUM(CASE(event.action == "A1", 1, 0)), calls = COUNT(*),
                named = COUNT(user.name), small = MIN(source.port), seen = MAX(event.action == "A2")
                BY user.name
            | WHERE calls >= 2
            | SORT calls DESC
            """)
    }

    @Test func nowAfterStatsAndAStrictRecencyWrittenTheOtherWayRound() throws {
        try expectBatchAnswers(
            """
            FROM logs-*
            | WHERE NOW() - 15 minutes < @timestamp
            | STATS last = MAX(@timestamp), calls = COUNT(*) WHERE event.action == "A1" BY user.name, event.action
            | WHERE last >= NOW() - 5 minutes
            | KEEP user.name, event.action, calls
            """)
    }

    /// Doubles, ips, keywords in MIN/MAX and sums that could overflow: the groups holding them
    /// are aggregated from their rows again.
    @Test func aggregatesWithoutAnExactRunningStateFallBackToTheirRows() throws {
        try expectBatchAnswers(
            """
            FROM logs-*
            | STATS top = MAX(source.ip), name = MIN(user.name), total = SUM(source.port),
                weight = SUM(CASE(event.action == "A1", 1.5, 0.25)), calls = COUNT(*) BY event.action
            """)
        // Without BY the one group empties as rows age, and then starts exact again.
        try expectBatchAnswers(
            """
            FROM logs-*
            | WHERE @timestamp > NOW() - 3 minutes
            | STATS weight = SUM(CASE(event.action == "A1", 1.5, 0.25)), calls = COUNT(*), top = MAX(source.port)
            """)
    }

    @Test func withoutByThereIsOneGroupEvenWhenEveryRowHasAged() throws {
        try expectBatchAnswers(
            """
            FROM logs-*
            | WHERE @timestamp > NOW() - 3 minutes
            | STATS calls = COUNT(*), users = VALUES(user.name), first = MIN(@timestamp)
            """)
    }

    @Test func onlyTheShapesItAnswersExactlyAreTaken() throws {
        let declined = [
            "FROM logs-* | WHERE user.name == \"amy\"",
            "FROM logs-* | SORT @timestamp | STATS c = COUNT(*) BY user.name",
            "FROM logs-* | EVAL age = NOW() - @timestamp | STATS c = COUNT(*) BY user.name",
            // Older than an hour passes more rows as runs move on, not fewer.
            "FROM logs-* | WHERE @timestamp < NOW() - 1 hour | STATS c = COUNT(*) BY user.name",
            "FROM logs-* | STATS c = COUNT(*) WHERE @timestamp > NOW() - 1 hour BY user.name",
        ]
        for text in declined {
            #expect(ESQLWindowAggregator(try ESQLQuery.parse(text)) == nil, "\(text)")
        }
        #expect(
            ESQLWindowAggregator(
                try ESQLQuery.parse(
                    "FROM logs-* | WHERE @timestamp >= NOW() - 7 days | STATS c = COUNT(*) BY user.name"
                        + " | WHERE c > 1 | STATS n = COUNT(*)")) != nil)
    }

    @Test func rowsRemovedOrNeverAddedLeaveNoTrace() throws {
        let query = try ESQLQuery.parse(
            "FROM logs-* | STATS calls = COUNT(*), users = VALUES(user.name) BY event.action")
        var aggregator = try #require(ESQLWindowAggregator(query))
        let documents = Self.documents(count: 6)
        let rows = documents.enumerated().compactMap { index, document in
            query.prepare(TestDocument(document.json), metadata: ESQLMetadata(id: "e\(index)", index: "logs"))
        }
        for (index, row) in rows.enumerated() { aggregator.add(row, id: index) }
        aggregator.remove(id: 99)
        for index in rows.indices { aggregator.remove(id: index) }
        #expect(aggregator.finish(now: Self.base).isEmpty)
        aggregator.add(rows[0], id: 100)
        #expect(aggregator.finish(now: Self.base).map(\.sourceRows) == [[100]])
    }
}
