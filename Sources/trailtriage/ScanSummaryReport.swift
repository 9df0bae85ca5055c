import CloudTrailReader
import DetectionEngine
import Foundation
import TrailTriageJSON

/// The human summary a scan prints to standard error.
enum ScanSummaryReport {
    /// At most this many input problems are listed one by one; the rest are counted.
    static let issueListLimit = 50

    static func render(_ summary: ScanSummary, verbose: Bool, coverage: [RuleCoverage] = []) -> String {
        var lines: [String] = []
        if verbose {
            for issue in summary.issues.prefix(issueListLimit) {
                lines.append(UnsafeText.visible(issue.description))
            }
            if summary.issues.count > issueListLimit {
                lines.append("… and \(summary.issues.count - issueListLimit) more input problems")
            }
        }
        let megabytes = Double(summary.bytesDecompressed) / 1_000_000
        lines.append(
            "files: \(summary.filesRead) read, \(summary.filesSkipped) skipped, \(summary.filesUnreadable) unreadable")
        lines.append(
            """
            records: \(summary.recordsRead) read, \(summary.recordsMalformed) malformed, \
            \(summary.recordsEvaluated) evaluated in full, \(summary.duplicateEvents) delivered more than once, \
            \(summary.eventIDConflicts) with an eventID conflict
            """
        )
        for rule in summary.rules {
            var line = "alerts: \(rule.alerts) \(UnsafeText.visible(rule.name))"
            if rule.droppedByMaxSignals > 0 {
                line += " (\(rule.droppedByMaxSignals) more dropped by max_signals; use --all-signals to keep them)"
            }
            lines.append(line)
        }
        if !coverage.isEmpty {
            let running = coverage.filter(\.runs)
            let degraded = running.filter { $0.status != .runs }.count
            var line = "rules: \(running.count) run"
            if degraded > 0 { line += " (\(degraded) without some of the data they read)" }
            if running.count < coverage.count {
                line += ", \(coverage.count - running.count) not run (see the notes above)"
            }
            lines.append(line)
        }
        let rate = summary.elapsedSeconds > 0 ? Double(summary.recordsRead) / summary.elapsedSeconds : 0
        lines.append(
            "elapsed: "
                + String(format: "%.2f s (%.1f MB of JSON, %d records/s)", summary.elapsedSeconds, megabytes, Int(rate))
        )
        return lines.joined(separator: "\n") + "\n"
    }
}
