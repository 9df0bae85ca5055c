import Alerts
import CloudTrailReader
import DetectionRules
import ECSMapping
import Foundation
import TrailTriageJSON

/// The files an engine run leaves in its output directory, and their conversion into the files
/// the rest of TrailTriage reads.
///
/// The Spark job writes `engine-alerts.ndjson`, `engine-context.ndjson` and `engine-report.json`;
/// the conversion writes `alerts.ndjson` (exactly `scan --format ndjson`'s shape),
/// `records.ndjson` (each alert's engine line with its raw record, which `--alerts DIR` reads)
/// and `context.ndjson` (the raw records of related activity, one CloudTrail record per line).
enum EngineOutputFiles {
    struct Outcome {
        var alerts: [Alert]
        var disagreements: Int
        var problems: [String]
        var summary: String
    }

    /// Reads `engine-alerts.ndjson` (or `records.ndjson` when `fromRecords`) in `directory`,
    /// builds and re-checks every alert.
    static func load(
        directory: String, rules: [DetectionRule], mapper: ECSMapper, fromRecords: Bool = false
    ) throws -> (checked: [EngineAlertBuilder.Checked], lines: [EngineAlertLine], problems: [String]) {
        let name = fromRecords ? "records.ndjson" : "engine-alerts.ndjson"
        let path = directory + "/" + name
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EngineOutputError("\(path) cannot be read")
        }
        let builder = EngineAlertBuilder(rules: rules, mapper: mapper)
        var checked: [EngineAlertBuilder.Checked] = []
        var lines: [EngineAlertLine] = []
        var problems: [String] = []
        for (number, text) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
            do {
                let value: JSONValue
                do {
                    value = try JSONParser.parse(String(text))
                } catch {
                    throw EngineOutputError("is not JSON: \(error)")
                }
                let line = try EngineAlertLine(json: value)
                checked.append(try builder.alert(for: line))
                lines.append(line)
            } catch {
                problems.append("\(path): line \(number + 1) \(error)")
            }
        }
        return (checked, lines, problems)
    }

    /// Converts the Spark job's output in `directory`.
    /// `givenPaths` are the inputs as the user named them: a record read under one of them is
    /// labelled with that spelling, as `scan` labels it, rather than Spark's absolute path.
    static func convert(
        directory: String, rules: [DetectionRule], mapper: ECSMapper, givenPaths: [String] = []
    ) throws -> Outcome {
        var loaded = try load(directory: directory, rules: rules, mapper: mapper)
        let current = FileManager.default.currentDirectoryPath
        for index in loaded.checked.indices {
            let file = loaded.checked[index].alert.location.file
            for given in givenPaths where !given.contains("://") && !given.hasPrefix("/") {
                let absolute = URL(fileURLWithPath: given, relativeTo: URL(fileURLWithPath: current)).standardized.path
                if file == absolute || file.hasPrefix(absolute + "/") {
                    let relabelled = given + file.dropFirst(absolute.count)
                    loaded.checked[index].alert.location.file = relabelled
                    loaded.lines[index].sourceFile = relabelled
                    break
                }
            }
        }
        var problems = loaded.problems
        var order = Array(loaded.checked.indices)
        order.sort { Alert.reportOrder(loaded.checked[$0].alert, loaded.checked[$1].alert) }
        var alertBytes: [UInt8] = []
        var recordBytes: [UInt8] = []
        let writer = JSONWriter()
        var disagreements = 0
        for index in order {
            let checked = loaded.checked[index]
            writer.write(.object(checked.alert.flatJSON), into: &alertBytes)
            alertBytes.append(UInt8(ascii: "\n"))
            writer.write(loaded.lines[index].json, into: &recordBytes)
            recordBytes.append(UInt8(ascii: "\n"))
            for disagreement in checked.disagreements {
                disagreements += 1
                problems.append("alert \(checked.alert.uuid) (\(checked.alert.rule.name)): \(disagreement)")
            }
        }
        try Data(alertBytes).write(to: URL(fileURLWithPath: directory + "/alerts.ndjson"))
        try Data(recordBytes).write(to: URL(fileURLWithPath: directory + "/records.ndjson"))
        try writeContext(directory: directory, problems: &problems)
        let report = readReport(directory: directory)
        var summary = "spark: \(loaded.checked.count) alerts"
        if let report {
            summary += " from \(report.records) records in \(report.filesRead) of \(report.filesListed) files"
            summary += " (Spark job \(report.seconds) s)"
            problems.append(contentsOf: report.problems)
        }
        summary += "; \(disagreements) disagreements on re-check\n"
        for problem in problems {
            summary += "problem: \(UnsafeText.visible(problem))\n"
        }
        return Outcome(
            alerts: order.map { loaded.checked[$0].alert }, disagreements: disagreements, problems: problems,
            summary: summary)
    }

    /// `context.ndjson`: the raw record of each line of `engine-context.ndjson`.
    private static func writeContext(directory: String, problems: inout [String]) throws {
        let path = directory + "/engine-context.ndjson"
        guard let data = FileManager.default.contents(atPath: path) else {
            problems.append("\(path) is missing: no related activity was returned")
            return
        }
        var bytes: [UInt8] = []
        for (number, text) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
            guard let line = try? JSONParser.parse(String(text)), let record = line.objectValue?["record"]?.stringValue
            else {
                problems.append("\(path): line \(number + 1) has no record")
                continue
            }
            bytes.append(contentsOf: record.utf8)
            bytes.append(UInt8(ascii: "\n"))
        }
        try Data(bytes).write(to: URL(fileURLWithPath: directory + "/context.ndjson"))
    }

    struct Report {
        var filesListed: Int
        var filesRead: Int
        var records: Int
        var seconds: String
        var problems: [String]
    }

    /// The job's `engine-report.json`: counts and the files it could not use.
    static func readReport(directory: String) -> Report? {
        guard let data = FileManager.default.contents(atPath: directory + "/engine-report.json"),
            let object = (try? JSONParser.parse([UInt8](data)))?.objectValue
        else { return nil }
        func count(_ key: String) -> Int { Int(object[key]?.scalarText ?? "") ?? 0 }
        let problems = (object["problems"]?.arrayValue ?? []).map { problem in
            let file = problem.objectValue?["file"]?.stringValue ?? "?"
            return "\(file): \(problem.objectValue?["problem"]?.stringValue ?? "?")"
        }
        return Report(
            filesListed: count("files_listed"), filesRead: count("files_read"), records: count("records"),
            seconds: object["seconds"]?.scalarText ?? "?", problems: problems)
    }
}
