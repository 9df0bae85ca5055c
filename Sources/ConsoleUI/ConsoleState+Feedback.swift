import TriageModel

extension ConsoleState {
    /// Records a change the app has committed: the new states, the undo point and a message.
    public mutating func didApply(_ change: TriageChange) {
        update(with: change)
        lastChange = change.entries.isEmpty ? lastChange : change
        message = StatusMessage(Self.summary(of: change, prefix: ""), kind: .success)
    }

    /// Records an undo the app has committed. Undo is one level deep: the undone change is
    /// forgotten, so `u` twice does not redo.
    public mutating func didUndo(_ change: TriageChange) {
        update(with: change)
        lastChange = nil
        message = change.entries.isEmpty
            ? StatusMessage("Nothing undone: the alerts changed since", kind: .warning)
            : StatusMessage(Self.summary(of: change, prefix: "Undone: "), kind: .success)
    }

    /// Reports how an export went; an existing file turns into a question.
    public mutating func didExport(_ outcome: ExportOutcome) {
        switch outcome {
        case .written(let path, let count):
            pendingExport = nil
            message = StatusMessage("Exported \(count) alert\(count == 1 ? "" : "s") to \(path)", kind: .success)
        case .exists(let path):
            let targets = pendingExport?.targets ?? []
            pendingExport = nil
            prompt = .overwrite(targets: targets, path: path)
        case .failed(let path, let reason):
            pendingExport = nil
            message = StatusMessage("Export to \(path) failed: \(reason)", kind: .error)
        }
    }

    /// Shows an error from the app (e.g. the store refused a write).
    public mutating func didFail(_ text: String) {
        message = StatusMessage(text, kind: .error)
    }

    /// Sets the states of the alerts `change` touched and re-filters, since a status change can
    /// move an alert out of the filtered list.
    private mutating func update(with change: TriageChange) {
        for entry in change.entries {
            guard let position = positionByUUID[entry.alertID] else { continue }
            states[position] = entry.after
        }
        refreshList(keeping: selectedPosition)
    }

    private static func summary(of change: TriageChange, prefix: String) -> String {
        guard let first = change.audit.first else { return prefix + "no change" }
        let detail = change.audit.count == 1 ? first.detail : "\(change.audit.count) alerts, " + first.action
        return prefix + detail
    }
}
