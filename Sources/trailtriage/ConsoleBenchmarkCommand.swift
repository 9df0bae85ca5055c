import ArgumentParser
import ConsoleUI
import DetectionEngine
import Dispatch
import Foundation
import Synchronization
import TerminalGrid
import TriageModel
import TriageStore

/// `trailtriage benchmark-console`: the console's costs without a terminal, for `Scripts/bench.sh`.
///
/// Measures what the console does when it opens a corpus against a plain `scan` of it in the
/// same process (so the ratios hold on a busy machine): when the first alerts, the decided list
/// and the related activity are ready, and the peak resident memory of opening. Then, with the
/// alerts cloned up to `--alerts`, how long a keypress takes to handle and render, and how long
/// a search or filter takes.
///
/// Output, one `key=value` line per figure (seconds since the load started):
///
///     scan seconds=S alerts=N
///     console-first-alerts seconds=S ratio=R rows=N
///     console-list seconds=S ratio=R alerts=N
///     console-related seconds=S ratio=R events=N
///     console-peak-rss mb=M
///     console-open seconds=S events=N alerts=N   (also saved and drawn)
///     keypress-redraw median_ms=M p95_ms=P alerts=N
///     search max_ms=M filter-or-sort max_ms=M alerts=N
///     filter-key median_ms=M max_ms=M sort-key max_ms=M alerts=N
///
/// `ratio` is to the scan's seconds. With no query-rule alerts, first alerts are the list.
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
        guard !ruleSet.rules.isEmpty else { throw ValidationError("No runnable rules were loaded.") }
        let directory = NSTemporaryDirectory() + "trailtriage-bench-console-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }

        // 1. The plain scan, as `trailtriage scan` runs it, for the ratios.
        let scanStart = DispatchTime.now()
        let scanned = DetectionScan.run(
            paths: [path], configuration: ScanConfiguration(ruleSet: ruleSet, workerCount: ProcessorCount.current))
        let scanSeconds = Self.seconds(since: scanStart)
        let scanAlerts = scanned.alerts.count
        print("scan seconds=\(Self.format(scanSeconds)) alerts=\(scanAlerts)")

        // 2. Open: exactly the console's loading path, with its stages timed as they report.
        PeakMemory.reset()
        let marks = Mutex((firstRows: Double?.none, rows: 0, list: Double?.none))
        let loadStart = DispatchTime.now()
        let stages = ConsoleLoader.Stages(
            provisional: { rows in
                let now = Self.seconds(since: loadStart)
                marks.withLock { marks in
                    if marks.firstRows == nil { marks.firstRows = now }
                    marks.rows += rows.count
                }
            },
            decided: { _, _ in
                let now = Self.seconds(since: loadStart)
                marks.withLock { $0.list = now }
            })
        let loaded = ConsoleLoader.load(inputs: [path], ruleSet: ruleSet, stages: stages)
        let relatedSeconds = Self.seconds(since: loadStart)
        let peak = PeakMemory.megabytes()
        let (firstRows, rows, list) = marks.withLock { ($0.firstRows, $0.rows, $0.list ?? relatedSeconds) }
        func ratio(_ seconds: Double) -> String { Self.format(scanSeconds > 0 ? seconds / scanSeconds : 0) }
        let first = firstRows ?? list
        print("console-first-alerts seconds=\(Self.format(first)) ratio=\(ratio(first)) rows=\(rows)")
        print("console-list seconds=\(Self.format(list)) ratio=\(ratio(list)) alerts=\(loaded.records.count)")
        print(
            "console-related seconds=\(Self.format(relatedSeconds)) ratio=\(ratio(relatedSeconds)) "
                + "events=\(loaded.eventCount)")
        print("console-peak-rss mb=\(peak.map { String($0) } ?? "unknown")")
        if loaded.records.count != scanAlerts {
            print("warning: the console listed \(loaded.records.count) alerts, the scan \(scanAlerts)")
        }

        let records = loaded.records
        let store = try TriageStore(path: directory + "/state.sqlite")
        try store.save(records)
        var state = ConsoleState(
            alerts: records, states: try store.allStates(), analyst: "bench", now: 0,
            size: TerminalSize(rows: 50, columns: 200))
        _ = ConsoleRenderer.render(state, size: state.size)
        // Everything done before an analyst could see the last related activity (the earlier figure
        // of this command, kept for scripts that read it).
        print(
            "console-open seconds=\(Self.format(Self.seconds(since: loadStart))) events=\(loaded.eventCount) "
                + "alerts=\(records.count)")

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
            "keypress-redraw median_ms=\(Self.format(Self.median(redraws)))"
                + " p95_ms=\(Self.format(Self.percentile(redraws, 0.95))) alerts=\(many.count)"
        )

        // 3. Search and filter over all of them. `/` filters as it is typed, so every keystroke
        // is timed; Esc on the list first clears the previous query's filter.
        func timed(_ keys: [KeyEvent]) -> Double {
            let start = DispatchTime.now()
            for key in keys { _ = state.handle(key) }
            _ = ConsoleRenderer.render(state, size: state.size)
            return Self.seconds(since: start) * 1000
        }
        var searches: [Double] = []
        for query in ["createprofile", "i-0", "farid", "nothing-matches-this"] {
            _ = state.handle(.escape)
            _ = state.handle(.character("/"))
            for character in query { searches.append(timed([.character(character)])) }
            searches.append(timed([.enter]))
        }
        _ = state.handle(.escape)
        var filters: [Double] = []
        var filterKeys: [Double] = []
        var sortKeys: [Double] = []
        for key in ["f", "f", "f", "S", "S", "s", "f", "S", "s"] {
            let milliseconds = timed([.character(Character(key))])
            filters.append(milliseconds)
            if key == "s" { sortKeys.append(milliseconds) } else { filterKeys.append(milliseconds) }
        }
        // The rule pick list (counting every rule's alerts) and the command line's filters.
        filters.append(timed([.character("F")]))
        filters.append(timed([.escape]))
        for command in ["actor arn:aws", "since -1h", "region us-", "clear"] {
            _ = state.handle(.character(":"))
            for character in command { _ = state.handle(.character(character)) }
            filters.append(timed([.enter]))
        }
        print(
            "search max_ms=\(Self.format(searches.max() ?? 0))"
                + " filter-or-sort max_ms=\(Self.format(filters.max() ?? 0)) alerts=\(many.count)"
        )
        // A filter key after a sort: the list filters the kept sorted order and sorts nothing.
        print(
            "filter-key median_ms=\(Self.format(Self.median(filterKeys))) max_ms=\(Self.format(filterKeys.max() ?? 0))"
                + " sort-key max_ms=\(Self.format(sortKeys.max() ?? 0)) alerts=\(many.count)"
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
