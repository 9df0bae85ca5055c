import ArgumentParser
import ConsoleUI
import DetectionEngine
import Dispatch
import Foundation
import TerminalGrid
import TriageModel
import TriageStore

/// `trailtriage benchmark-console`: the console's costs without a terminal, for `Scripts/bench.sh`.
///
/// Measures what the console does when it opens a corpus (scan, event index of every event,
/// alert records, saving them), then, with the alerts cloned up to `--alerts`, how long a
/// keypress takes to handle and render, and how long a search or filter takes.
struct ConsoleBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark-console",
        abstract: "Measure console load, redraw and search costs (used by Scripts/bench.sh).",
        shouldDisplay: false
    )

    @Argument(help: "The corpus to open.")
    var path: String

    @Option(
        name: .customLong("rules"),
        help: "A rule file or directory of *.toml rules (repeatable). Default: the bundled rules."
    )
    var rulePaths: [String] = []

    @Option(help: "Alerts to list for the redraw and search measurements.")
    var alerts = 100_000

    @Option(help: "Keypresses to time.")
    var keypresses = 200

    mutating func run() throws {
        let ruleSet = RuleSet.load(paths: try RuleSelection.paths(rulePaths))
        let directory = NSTemporaryDirectory() + "trailtriage-bench-console-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }

        // 1. Open: exactly the console's loading path.
        let loadStart = DispatchTime.now()
        let loaded = ConsoleLoader.load(inputs: [path], ruleSet: ruleSet)
        let loadedSeconds = Self.seconds(since: loadStart)
        let records = loaded.records
        let store = try TriageStore(path: directory + "/state.sqlite")
        try store.save(records)
        var state = ConsoleState(
            alerts: records, states: try store.allStates(), analyst: "bench", now: 0,
            size: TerminalSize(rows: 50, columns: 200))
        _ = ConsoleRenderer.render(state, size: state.size)
        let loadSeconds = Self.seconds(since: loadStart)
        print("phases loaded=\(Self.format(loadedSeconds)) saved-and-drawn=\(Self.format(loadSeconds))")
        print("console-open seconds=\(Self.format(loadSeconds)) events=\(loaded.eventCount) alerts=\(records.count)")

        // 2. Keypresses with many alerts listed.
        guard !records.isEmpty else {
            print("no alerts: redraw and search not measured")
            return
        }
        var many: [AlertRecord] = []
        many.reserveCapacity(alerts)
        for number in 0..<alerts {
            var copy = records[number % records.count]
            copy.uuid = String(format: "%064x", number)
            many.append(copy)
        }
        state.load(alerts: many, states: [:])
        var redraws: [Double] = []
        for number in 0..<keypresses {
            let start = DispatchTime.now()
            _ = state.handle(number % 10 == 9 ? .pageDown : .down)
            _ = ConsoleRenderer.render(state, size: state.size)
            redraws.append(Self.seconds(since: start) * 1000)
        }
        print(
            "keypress-redraw median_ms=\(Self.format(Self.median(redraws))) p95_ms=\(Self.format(Self.percentile(redraws, 0.95))) alerts=\(many.count)"
        )

        // 3. Search and filter over all of them.
        var searches: [Double] = []
        for query in ["createprofile", "i-0", "farid", "nothing-matches-this"] {
            _ = state.handle(.character("/"))
            for character in query { _ = state.handle(.character(character)) }
            let start = DispatchTime.now()
            _ = state.handle(.enter)
            _ = ConsoleRenderer.render(state, size: state.size)
            searches.append(Self.seconds(since: start) * 1000)
        }
        var filters: [Double] = []
        for key in ["f", "f", "f", "F", "F", "S", "S", "s"] {
            let start = DispatchTime.now()
            _ = state.handle(.character(Character(key)))
            _ = ConsoleRenderer.render(state, size: state.size)
            filters.append(Self.seconds(since: start) * 1000)
        }
        print(
            "search max_ms=\(Self.format(searches.max() ?? 0)) filter-or-sort max_ms=\(Self.format(filters.max() ?? 0)) alerts=\(many.count)"
        )
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    static func median(_ values: [Double]) -> Double { percentile(values, 0.5) }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))]
    }

    static func format(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}
