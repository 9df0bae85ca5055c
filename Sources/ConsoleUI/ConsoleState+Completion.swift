extension ConsoleState {
    /// What Tab can complete `line` to: command names while the first word is typed, then the
    /// values the command takes (rule names, severities, statuses, sort orders, and the actors,
    /// accounts and regions of the loaded alerts).
    func completions(for line: String) -> [String] {
        let (word, argument) = CommandGrammar.split(line)
        guard line.contains(" ") else {
            return CommandGrammar.commands.map(\.name).filter { $0.hasPrefix(word.lowercased()) }
        }
        let entries = CommandGrammar.entries(matching: word)
        guard entries.count == 1, let entry = entries.first else { return [] }
        let values: [String]
        switch entry.name {
        case "actor": values = distinct(\.actor).filter { $0 != AlertRow.absent }
        case "account": values = distinct(\.account)
        case "region": values = distinct(\.region)
        case "rule": values = ruleNames
        case "severity": values = CommandGrammar.severityWords
        case "status": values = CommandGrammar.statusWords
        case "sort": values = CommandGrammar.sortWords
        case "times": values = CommandGrammar.timeWords
        default: values = []
        }
        let typed = argument.lowercased()
        return values.filter { $0.lowercased().hasPrefix(typed) }
    }

    /// `line` extended to the longest text every completion shares; a single completion is
    /// taken whole (and a command name gets its space).
    func completed(_ line: String) -> String {
        let options = completions(for: line)
        guard let first = options.first else { return line }
        let (word, argument) = CommandGrammar.split(line)
        let common = options.dropFirst().reduce(first) { shared, next in
            String(zip(shared, next).prefix { $0.lowercased() == $1.lowercased() }.map(\.0))
        }
        guard line.contains(" ") else {
            return options.count == 1 ? first + " " : (common.count > word.count ? common : line)
        }
        let commandWord = CommandGrammar.entries(matching: word).first?.name ?? word
        return common.count >= argument.count ? commandWord + " " + common : line
    }

    /// The line under the command prompt: the typed command's syntax and meaning, or the names
    /// that fit so far.
    func commandHint(for line: String) -> String {
        let (word, _) = CommandGrammar.split(line)
        let entries = word.isEmpty ? CommandGrammar.commands : CommandGrammar.entries(matching: word)
        guard !entries.isEmpty else { return "no such command · Tab completes · ? lists commands" }
        if entries.count == 1, let entry = entries.first {
            return ":" + entry.name + (entry.argument.isEmpty ? "" : " " + entry.argument) + " — " + entry.description
        }
        return entries.map(\.name).joined(separator: " ") + " · Tab completes"
    }

    private func distinct(_ field: KeyPath<AlertRow, String>) -> [String] {
        Set(rows.map { $0[keyPath: field] }).filter { !$0.isEmpty }.sorted()
    }
}
