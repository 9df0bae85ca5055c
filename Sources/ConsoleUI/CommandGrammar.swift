import DetectionRules
import ECSMapping
import TriageModel

/// The `:` command line's grammar: command names (any unique prefix works, as in vim), what
/// each takes, and how its argument is read. The help screen and the prompt's hints are made
/// from ``commands``, so they cannot drift from the parser.
enum CommandGrammar {
    /// One command: its name, its argument's shape and what it does.
    struct Entry: Sendable, Hashable {
        var name: String
        var argument: String
        var description: String
    }

    static let commands: [Entry] = [
        Entry(name: "actor", argument: "[TEXT]", description: "actors containing TEXT (no TEXT: any actor)"),
        Entry(name: "account", argument: "[TEXT]", description: "account ids containing TEXT"),
        Entry(name: "region", argument: "[TEXT]", description: "regions containing TEXT"),
        Entry(name: "rule", argument: "[NAME]", description: "one rule (no NAME: pick from a list with counts)"),
        Entry(name: "severity", argument: "LEVEL", description: "at least LEVEL: low, medium, high, critical"),
        Entry(
            name: "status", argument: "LIST",
            description: "statuses, e.g. open or open,acknowledged or all"),
        Entry(
            name: "since", argument: "[TIME]",
            description: "events at or after TIME (UTC: 2026-10-01T08:00, or -2h, -30m, -1d before the newest)"),
        Entry(name: "until", argument: "[TIME]", description: "events before TIME (same forms)"),
        Entry(name: "sort", argument: "ORDER", description: "time, -time (newest first), severity, rule, status"),
        Entry(name: "times", argument: "utc|local", description: "show times in UTC or local time"),
        Entry(name: "clear", argument: "", description: "clear every filter"),
    ]

    /// Lines for the help screen.
    static var helpLines: [String] {
        let width = commands.map { $0.name.count + 1 + $0.argument.count }.max() ?? 0
        var lines = ["Command line (:, Tab completes, Enter runs, Esc cancels)"]
        for entry in commands {
            let left = ":" + entry.name + (entry.argument.isEmpty ? "" : " " + entry.argument)
            lines.append(
                "  " + left + String(repeating: " ", count: max(0, width + 1 - left.count)) + "  " + entry.description)
        }
        return lines
    }

    /// Commands whose name starts with `prefix` (an exact name wins over longer ones).
    static func entries(matching prefix: String) -> [Entry] {
        let word = prefix.lowercased()
        if let exact = commands.first(where: { $0.name == word }) { return [exact] }
        return commands.filter { $0.name.hasPrefix(word) }
    }

    /// Splits a line into the command word and the rest (its argument, spaces inside kept).
    static func split(_ line: String) -> (word: String, argument: String) {
        var text = line.trimmingSpaces
        if text.hasPrefix(":") { text.removeFirst() }
        guard let space = text.firstIndex(of: " ") else { return (text, "") }
        return (String(text[..<space]), String(text[space...]).trimmingSpaces)
    }

    /// Parses one command line.
    static func parse(_ line: String) -> Result<FilterCommand, CommandLineError> {
        let (word, argument) = split(line)
        guard !word.isEmpty else {
            return .failure(
                CommandLineError(message: "Type a command: " + commands.map(\.name).joined(separator: ", ")))
        }
        let found = entries(matching: word)
        guard let entry = found.first else {
            return .failure(
                CommandLineError(
                    message: "Unknown command \"\(word)\": try " + commands.map(\.name).joined(separator: ", ")))
        }
        guard found.count == 1 else {
            return .failure(
                CommandLineError(
                    message: "\"\(word)\" could be " + found.map(\.name).joined(separator: " or ") + ": type more"))
        }
        let value: String? = argument.isEmpty ? nil : argument
        switch entry.name {
        case "actor": return .success(.actor(value))
        case "account": return .success(.account(value))
        case "region": return .success(.region(value))
        case "rule": return .success(.rule(value))
        case "severity": return severity(argument).map(FilterCommand.severity)
        case "status": return statuses(argument).map(FilterCommand.status)
        case "since": return bound(argument, command: "since").map(FilterCommand.since)
        case "until": return bound(argument, command: "until").map(FilterCommand.until)
        case "sort": return sortOrder(argument).map(FilterCommand.sort)
        case "times": return timeDisplay(argument).map(FilterCommand.times)
        default:
            guard argument.isEmpty else {
                return .failure(CommandLineError(message: ":clear takes nothing (got \"\(argument)\")"))
            }
            return .success(.clear)
        }
    }

    static let severityWords = Severity.listed.map(\.name)
    static let statusWords = WorkflowStatus.allCases.map(\.rawValue) + ["all"]
    static let sortWords = ["time", "-time", "severity", "rule", "status"]
    static let timeWords = ["utc", "local"]

    private static func severity(_ text: String) -> Result<Severity, CommandLineError> {
        let word = text.lowercased()
        guard let match = Severity.listed.first(where: { !word.isEmpty && $0.name.hasPrefix(word) }) else {
            return .failure(
                CommandLineError(
                    message: "Severity \"\(text)\" is not one of " + severityWords.joined(separator: ", ")))
        }
        return .success(match)
    }

    private static func statuses(_ text: String) -> Result<Set<WorkflowStatus>?, CommandLineError> {
        let words = text.lowercased().split { $0 == "," || $0 == "+" || $0 == " " }.map(String.init)
        guard !words.isEmpty else {
            return .failure(CommandLineError(message: ":status needs statuses: " + statusWords.joined(separator: ", ")))
        }
        var chosen: Set<WorkflowStatus> = []
        for word in words {
            if word == "all" { return .success(nil) }
            guard let status = WorkflowStatus.allCases.first(where: { $0.rawValue.hasPrefix(word) }) else {
                return .failure(
                    CommandLineError(
                        message: "Status \"\(word)\" is not one of " + statusWords.joined(separator: ", ")))
            }
            chosen.insert(status)
        }
        return .success(chosen.count == WorkflowStatus.allCases.count ? nil : chosen)
    }

    private static func sortOrder(_ text: String) -> Result<SortOrder, CommandLineError> {
        switch text.lowercased() {
        case "time", "+time": return .success(.timeAscending)
        case "-time": return .success(.timeDescending)
        case "severity": return .success(.severity)
        case "rule": return .success(.rule)
        case "status": return .success(.status)
        default:
            return .failure(
                CommandLineError(message: "Sort order \"\(text)\" is not one of " + sortWords.joined(separator: ", ")))
        }
    }

    private static func timeDisplay(_ text: String) -> Result<TimeDisplay, CommandLineError> {
        switch text.lowercased() {
        case "utc": return .success(.utc)
        case "local": return .success(.local)
        default: return .failure(CommandLineError(message: ":times takes utc or local (got \"\(text)\")"))
        }
    }

    /// Reads a time bound: empty clears it; `-2h`, `-30m`, `-45s`, `-1d`, `-1w` count back from
    /// the newest alert; anything else is an ISO 8601 time, UTC unless it names a zone, with `T`
    /// or a space between date and time.
    static func bound(_ text: String, command: String) -> Result<TimeBound?, CommandLineError> {
        guard !text.isEmpty else { return .success(nil) }
        if text.hasPrefix("-") {
            guard let unit = text.last, let scale = unitMilliseconds[unit],
                let amount = Int64(text.dropFirst().dropLast()), amount >= 0
            else {
                return .failure(
                    CommandLineError(
                        message: ":\(command) \"\(text)\": a relative time is a minus, a number and s, m, h, d or w"
                            + " (e.g. -2h)"))
            }
            let (product, overflow) = amount.multipliedReportingOverflow(by: scale)
            guard !overflow else {
                return .failure(CommandLineError(message: ":\(command) \"\(text)\" is too far back"))
            }
            return .success(.beforeNewest(product))
        }
        let iso = String(text.map { $0 == " " ? "T" : $0 })
        guard let milliseconds = ECSTimestamp.parse(iso) else {
            return .failure(
                CommandLineError(
                    message: ":\(command) \"\(text)\" is not a time: use 2026-10-01, 2026-10-01T08:00 (UTC) or -2h"))
        }
        return .success(.absolute(milliseconds))
    }

    private static let unitMilliseconds: [Character: Int64] = [
        "s": 1000, "m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 7 * 86_400_000,
    ]
}
