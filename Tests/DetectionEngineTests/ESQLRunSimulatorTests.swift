import ESQL
import Testing
import TrailTriageJSON

@testable import DetectionEngine

/// The simulator's shortcut (finish only the groups whose rows changed) must give what finishing
/// every run's rows gives.
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
            let source = Source(fields: [
                "user.name": names, "event.action": ["A\((index * 13) % 4)"],
                "source.ip": ["10.0.0.\((index * 17) % 5)"],
            ])
            guard let row = query.prepare(source, metadata: ESQLMetadata(id: "e\(index)", index: "logs"))
            else { continue }
            items.append(ESQLRunSimulator.Item(time: time, row: row, payload: index))
        }
        return items
    }

    @Test(arguments: [("now-6m", "5m"), ("now-30m", "10m"), ("now-24h", "1h")])
    func changedGroupsOnlyGiveTheSameResultsAsEveryRun(lookback: String, interval: String) throws {
        let query = try ESQLQuery.parse(
            """
            FROM logs-aws.cloudtrail-*
            | WHERE event.action != "A3"
            | STATS calls = COUNT(*), actions = VALUES(event.action), ips = COUNT_DISTINCT(source.ip) BY user.name
            | WHERE calls >= 3 AND ips >= 2
            | KEEP user.name, calls, actions
            """)
        #expect(query.finishesGroupByGroup)
        let seconds = ["now-6m": 360, "now-30m": 1800, "now-24h": 86_400][lookback] ?? 0
        let step = ["5m": 300, "10m": 600, "1h": 3600][interval] ?? 0
        let runs = RuleRuns(intervalMilliseconds: Int64(step) * 1000, lookbackMilliseconds: Int64(seconds) * 1000)
        let input = items(query, count: 600)
        var fast = ESQLRunSimulator(query: query, runs: runs)
        fast.finishesChangedGroupsOnly = true
        var full = ESQLRunSimulator(query: query, runs: runs)
        full.finishesChangedGroupsOnly = false
        func canonical(_ results: [ESQLRunSimulator.Result]) -> [String] {
            results.map { "\($0.groupKey) \($0.row.values) \($0.members.sorted()) runs=\($0.runCount)" }.sorted()
        }
        let expected = canonical(full.run(input))
        #expect(!expected.isEmpty)
        #expect(canonical(fast.run(input)) == expected)
    }

    @Test func aQueryUsingNowAfterStatsIsFinishedWholeEachRun() throws {
        let query = try ESQLQuery.parse(
            "FROM logs-* | STATS last = MAX(@timestamp) BY user.name | WHERE last >= NOW() - 1 hour")
        #expect(!query.finishesGroupByGroup)
    }
}
