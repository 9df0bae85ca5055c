import DetectionRules
import TerminalGrid
import TriageModel

extension ConsoleState {
    /// The view as it is now, for storing with the case.
    var currentView: ConsoleView {
        ConsoleView(filter: filter, sortOrder: sortOrder, timeDisplay: timeDisplay)
    }

    /// `:` opens the command line.
    mutating func openCommandLine() {
        prompt = .command(TextInput())
    }

    /// Keys while the command line is open: Enter runs the command (a bad one keeps the line
    /// open with the reason beside it), Tab completes, Esc cancels.
    mutating func handleCommandLine(_ key: KeyEvent, command: ConsoleAction?, input: TextInput) {
        var input = input
        switch command {
        case .submit:
            let line = input.text
            guard !line.trimmingSpaces.isEmpty else {
                closePrompt()
                return
            }
            switch CommandGrammar.parse(line) {
            case .success(let parsed):
                closePrompt()
                apply(parsed)
            case .failure(let error):
                message = StatusMessage(error.message, kind: .error)
            }
        case .back:
            closePrompt()
            message = nil
        case .complete:
            input = TextInput(completed(input.text))
            prompt = .command(input)
            let options = completions(for: input.text)
            message = options.count > 1 ? StatusMessage(options.prefix(8).joined(separator: "  ")) : nil
        default:
            guard edit(&input, with: command, key: key) else { return }
            message = nil
            prompt = .command(input)
        }
    }

    /// Runs one parsed command and says what it did.
    mutating func apply(_ command: FilterCommand) {
        switch command {
        case .actor(let text):
            filter.actor = text
            refiltered(text.map { "Actor contains \"\($0)\"" } ?? "Any actor")
        case .account(let text):
            filter.account = text
            refiltered(text.map { "Account contains \"\($0)\"" } ?? "Any account")
        case .region(let text):
            filter.region = text
            refiltered(text.map { "Region contains \"\($0)\"" } ?? "Any region")
        case .rule(let text):
            chooseRule(matching: text)
        case .severity(let severity):
            filter.minimumSeverity = severity
            refiltered("Severity at least " + severity.label)
        case .status(let statuses):
            filter.statuses = statuses
            refiltered("Status: " + filter.statusLabel)
        case .since(let bound):
            filter.since = bound.map(resolve)
            refiltered(filter.since.map { "Since " + TimeText.iso($0) } ?? "No start time")
        case .until(let bound):
            filter.until = bound.map(resolve)
            refiltered(filter.until.map { "Until " + TimeText.iso($0) } ?? "No end time")
        case .sort(let order):
            sortOrder = order
            refreshList(keeping: selectedPosition)
            message = StatusMessage("Sorted by " + sortOrder.label)
        case .clear:
            clearFilters()
            message = StatusMessage("Filters cleared")
        case .times(let display):
            timeDisplay = display
            message = StatusMessage("Times in " + timeZoneLabel)
        }
    }

    /// `t`: UTC or local time.
    mutating func toggleTimeDisplay() {
        apply(.times(timeDisplay == .utc ? .local : .utc))
    }

    /// The zone the list shows times in, for its header and messages.
    var timeZoneLabel: String {
        timeDisplay == .utc ? "UTC" : "local time (\(localTimeZone.name))"
    }

    private mutating func refiltered(_ description: String) {
        refreshList(keeping: selectedPosition)
        let summary = "\(visible.count) of \(alerts.count) alerts"
        message = StatusMessage(description + ": " + summary, kind: visible.isEmpty ? .warning : .info)
    }

    /// A relative bound counts back from the newest loaded alert.
    private func resolve(_ bound: TimeBound) -> Int64 {
        switch bound {
        case .absolute(let milliseconds):
            return milliseconds
        case .beforeNewest(let span):
            let newest = rows.map(\.time).max() ?? now
            return newest.subtractingReportingOverflow(span).overflow ? Int64.min : newest - span
        }
    }

    /// `:rule NAME` filters to the one rule whose name is NAME or contains it; several matches
    /// (or no NAME) open the pick list with just those.
    private mutating func chooseRule(matching text: String?) {
        guard let text else {
            openRulePicker(filtered: nil)
            return
        }
        let needle = text.lowercased()
        if let exact = ruleNames.first(where: { $0.lowercased() == needle }) {
            filter.ruleName = exact
            refiltered("Rule: " + exact)
            return
        }
        let found = ruleNames.filter { $0.lowercased().contains(needle) }
        switch found.count {
        case 0:
            message = StatusMessage("No loaded rule's name contains \"\(text)\" (:rule lists them)", kind: .error)
        case 1:
            filter.ruleName = found[0]
            refiltered("Rule: " + found[0])
        default:
            openRulePicker(filtered: Set(found))
        }
    }

    /// `F` and `:rule`: the rule pick list, every rule with its alert count, most alerts first.
    mutating func openRulePicker(filtered names: Set<String>? = nil) {
        var counts: [String: Int] = [:]
        var listable = 0
        for row in rows where filter.showsBuildingBlocks || !row.isBuildingBlock {
            counts[row.ruleName, default: 0] += 1
            listable += 1
        }
        let rules = ruleNames.filter { names?.contains($0) ?? true }.map {
            RuleChoice(name: $0, count: counts[$0] ?? 0)
        }
        .sorted { $0.count != $1.count ? $0.count > $1.count : ($0.name ?? "") < ($1.name ?? "") }
        let choices = (names == nil ? [RuleChoice(name: nil, count: listable)] : []) + rules
        let current = choices.firstIndex { $0.name == filter.ruleName } ?? 0
        prompt = .rulePicker(choices, choice: current)
    }

    /// Keys while the pick list is open.
    mutating func handleRulePicker(command: ConsoleAction?, choices: [RuleChoice], choice: Int) {
        switch command {
        case .moveDown: prompt = .rulePicker(choices, choice: min(choice + 1, choices.count - 1))
        case .moveUp: prompt = .rulePicker(choices, choice: max(choice - 1, 0))
        case .pageDown: prompt = .rulePicker(choices, choice: min(choice + 10, choices.count - 1))
        case .pageUp: prompt = .rulePicker(choices, choice: max(choice - 10, 0))
        case .top: prompt = .rulePicker(choices, choice: 0)
        case .bottom: prompt = .rulePicker(choices, choice: max(0, choices.count - 1))
        case .submit:
            closePrompt()
            guard choices.indices.contains(choice) else { return }
            filter.ruleName = choices[choice].name
            refiltered("Rule: " + (filter.ruleName ?? "all rules"))
        case .back, .deny:
            closePrompt()
            message = StatusMessage("Rule filter unchanged")
        default:
            break
        }
    }

    /// Re-applies a stored view (one command a line). A line that no longer parses is reported,
    /// not dropped silently; the rest still apply.
    public mutating func restoreView(_ text: String) {
        var problems: [String] = []
        for line in text.split(separator: "\n").map(String.init) where !line.trimmingSpaces.isEmpty {
            let (word, argument) = CommandGrammar.split(line)
            if word == ConsoleView.textWord {
                filter.text = argument
                continue
            }
            if word == ConsoleView.blocksWord {
                filter.showsBuildingBlocks = true
                continue
            }
            switch CommandGrammar.parse(line) {
            case .success(.rule(let name?)):
                // Kept even when no loaded alert has the rule yet: alerts may still be loading.
                filter.ruleName = name
            case .success(.rule(nil)), .success(.clear):
                break
            case .success(let command):
                apply(command)
            case .failure(let error):
                problems.append(error.message)
            }
        }
        savedView = currentView
        refreshList(keeping: selectedPosition)
        if !problems.isEmpty {
            message = StatusMessage(
                "Stored filters partly restored: " + problems.joined(separator: "; "), kind: .warning)
        } else if !filter.isEmpty || sortOrder != .timeAscending {
            message = StatusMessage("Filters restored: \(visible.count) of \(alerts.count) alerts")
        } else {
            message = nil
        }
    }

    /// The effect storing the view, when it changed and no prompt is still editing it.
    mutating func viewSaveEffects() -> [ConsoleEffect] {
        guard prompt == nil else { return [] }
        let view = currentView
        guard view != (savedView ?? .initial) else { return [] }
        savedView = view
        return [.saveView(view.commandLines.joined(separator: "\n"))]
    }
}
