import ESQL
import Foundation
import Testing
import TrailTriageJSON

@testable import DetectionEngine

/// The simulator's shortcut (aggregates kept up to date as rows enter and leave the window) must
/// give what finishing every run's rows gives.
@Suite struct ESQLRunSimulatorTests {
    static let minute: Int64 = 60_000

    struct Source: ESQLSource {
        let fields: [String: [String]]
        func values(at path: String) -> [JSONValue] { (fields[path] ?? []).map(JSONValue.string) }
        func kqlValues(at path: String) -> [String] { fields[path] ?? [] }
    }

    private func items(_ query: ESQLQuery, count: Int) -> [ESQLRunSimulator.Item] {
        // Deterministic, uneven traffic: three users, bursts and gaps, one user with two names.
        var items: [ESQLRunSimulator.Item] = []
        var time: Int64 = 0
        for index in 0..<count {
            time += Int64((index * 7919) % 11) * Self.minute / 3 + (index % 50 == 0 ? 90 * Self.minute : 0)
            let user = ["amy", "bob", "cy"][(index * 31) % 3]
            let names = user == "cy" ? ["cy", "cy2"] : [user]
            let stamp = Date(timeIntervalSince1970: Double(time) / 1000).formatted(.iso8601)
            let source = Source(fields: [
                "@timestamp": [stamp], "user.name": names, "event.action": ["A\((index * 13) % 4)"],
                "source.ip": ["10.0.0.\((index * 17) % 5)"],
            ])
            guard let row = query.prepare(source, metadata: ESQLMetadata(id: "e\(index)", index: "logs"))
            else { continue }
            items.append(ESQLRunSimulator.Item(time: time, row: row, payload: index))
        }
        return items
    }

    static let queries = [
        """
        FROM logs-aws.cloudtrail-*
        | WHERE event.action != "A3"
        | STATS calls = COUNT(*), actions = VALUES(event.action), ips = COUNT_DISTINCT(source.ip) BY user.name
        | WHERE calls >= 3 AND ips >= 2
        | KEEP user.name, calls, actions
        """,
        // The two shapes of the upstream rules that look back a week every hour: NOW() beside
        // the field conditions before STATS, and NOW() on the aggregates after it.
        """
        FROM logs-aws.cloudtrail-*
        | WHERE @timestamp >= NOW() - 20 minutes AND event.action != "A3"
        | EVAL pair = CONCAT(user.name, " ", source.ip)
        | STATS pairs = VALUES(pair), last = MAX(@timestamp), hits = SUM(CASE(event.action == "A1", 1, 0))
            BY user.name
        | WHERE hits >= 1 AND last >= NOW() - 5 minutes
        """,
        """
        FROM logs-aws.cloudtrail-*
        | STATS calls = COUNT(*), first = MIN(@timestamp) BY source.ip
        | EVAL share = TO_DOUBLE(calls) / 10.0
        | WHERE first >= NOW() - 2 hours
        """,
    ]

    @Test(arguments: [("now-6m", "5m"), ("now-30m", "10m"), ("now-24h", "1h")], queries.indices)
    func incrementalAggregatesGiveTheSameResultsAsEveryRun(schedule: (String, String), queryIndex: Int) throws {
        let (lookback, interval) = schedule
        let query = try ESQLQuery.parse(Self.queries[queryIndex])
        #expect(ESQLWindowAggregator(query) != nil)
        let seconds = ["now-6m": 360, "now-30m": 1800, "now-24h": 86_400][lookback] ?? 0
        let step = ["5m": 300, "10m": 600, "1h": 3600][interval] ?? 0
        let runs = RuleRuns(intervalMilliseconds: Int64(step) * 1000, lookbackMilliseconds: Int64(seconds) * 1000)
        let input = items(query, count: 600)
        var fast = ESQLRunSimulator(query: query, runs: runs)
        fast.aggregatesIncrementally = true
        var full = ESQLRunSimulator(query: query, runs: runs)
        full.aggregatesIncrementally = false
        func canonical(_ results: [ESQLRunSimulator.Result]) -> [String] {
            results.map { "\($0.groupKey) \($0.row.values) \($0.members.sorted()) runs=\($0.runCount)" }.sorted()
        }
        let expected = canonical(full.run(input))
        #expect(!expected.isEmpty)
        #expect(canonical(fast.run(input)) == expected)
    }
}
