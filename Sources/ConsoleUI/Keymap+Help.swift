import TerminalGrid

extension Keymap {
    /// The help screen: every binding, grouped by context, keys with the same command and
    /// description on one line (`j/↓  move down`).
    public func helpLines() -> [String] {
        var lines: [String] = []
        for context in KeyContext.allCases {
            let rows = groupedRows(in: context)
            guard !rows.isEmpty else { continue }
            if !lines.isEmpty { lines.append("") }
            lines.append(context.title)
            let keyWidth = rows.map { DisplayWidth.of($0.keys) }.max() ?? 0
            for row in rows {
                let padding = String(repeating: " ", count: max(0, keyWidth - DisplayWidth.of(row.keys)))
                lines.append("  " + row.keys + padding + "  " + row.description)
            }
        }
        return lines
    }

    /// The hint bar for the given contexts, e.g. `?:help j/k:move /:search`, taking the first
    /// context's hints first; keys shadowed by a more specific context are left out.
    public func hints(for contexts: [KeyContext]) -> String {
        var parts: [String] = []
        var seenKeys: Set<KeyEvent> = []
        var seenHints: Set<String> = []
        for context in contexts {
            for binding in bindings where binding.context == context {
                guard seenKeys.insert(binding.key).inserted else { continue }
                guard let hint = binding.hint, seenHints.insert(hint).inserted else { continue }
                let keys = bindings.filter { $0.context == context && $0.command == binding.command }
                    .map(\.key.label).filter { $0.count == 1 }
                let label =
                    binding.command == .moveDown
                    ? "j/k"
                    : binding.command == .nextMatch ? "n/N" : (keys.first ?? binding.key.label)
                // `:filter` reads as the command it opens, not as `::filter`.
                parts.append(label == ":" ? label + hint : label + ":" + hint)
            }
        }
        return parts.joined(separator: " ")
    }

    private func groupedRows(in context: KeyContext) -> [(keys: String, description: String)] {
        var rows: [(keys: String, description: String)] = []
        for binding in bindings where binding.context == context {
            if let index = rows.firstIndex(where: { $0.description == binding.description }) {
                rows[index].keys += "/" + binding.key.label
            } else {
                rows.append((binding.key.label, binding.description))
            }
        }
        return rows
    }
}
