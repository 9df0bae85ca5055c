import TriageModel

extension ConsoleState {
    /// The change `u` undoes next.
    public var lastChange: TriageChange? { undoStack.last }

    /// Keeps a committed change for undo; a new action ends what could be redone.
    mutating func recordForUndo(_ change: TriageChange) {
        guard !change.entries.isEmpty else { return }
        undoStack.append(TriageChange(entries: change.entries, audit: change.audit))
        redoStack = []
    }

    /// `u`: undo the last change still on the stack. The store checks each alert's version, so
    /// an alert someone changed since is refused with who and when.
    mutating func undo() -> [ConsoleEffect] {
        guard let change = undoStack.last else {
            message = StatusMessage("Nothing to undo", kind: .warning)
            return []
        }
        undoInFlightIsRedo = false
        return [.undo(change)]
    }

    /// Ctrl-R / `U`: apply again the change undone last; undoing an undo restores what it
    /// reverted, under the same version checks.
    mutating func redo() -> [ConsoleEffect] {
        guard let change = redoStack.last else {
            message = StatusMessage("Nothing to redo", kind: .warning)
            return []
        }
        undoInFlightIsRedo = true
        return [.undo(change)]
    }

    /// After the store reports an undo or redo: the change leaves its stack, and what was
    /// applied (the alerts not refused) goes on the other one.
    mutating func moveAfterUndo(_ applied: TriageChange) {
        let kept = TriageChange(entries: applied.entries, audit: applied.audit)
        if undoInFlightIsRedo {
            if !redoStack.isEmpty { redoStack.removeLast() }
            if !kept.entries.isEmpty { undoStack.append(kept) }
        } else {
            if !undoStack.isEmpty { undoStack.removeLast() }
            if !kept.entries.isEmpty { redoStack.append(kept) }
        }
        undoInFlightIsRedo = false
        Self.rebase(undoStack: &undoStack, redoStack: &redoStack, after: kept)
    }

    /// Our own undo wrote a new version of each alert it touched, which would make the next
    /// change down either stack look superseded. Where the alert now holds exactly the state
    /// that change left it in, the change is moved to the new version; anything else (another
    /// console's write) still refuses it.
    private static func rebase(
        undoStack: inout [TriageChange], redoStack: inout [TriageChange], after applied: TriageChange
    ) {
        for written in applied.entries {
            for stack in [0, 1] {
                var changes = stack == 0 ? undoStack : redoStack
                guard
                    let changeIndex = changes.lastIndex(where: { $0.entries.contains { $0.alertID == written.alertID } }
                    ),
                    let entryIndex = changes[changeIndex].entries.firstIndex(where: { $0.alertID == written.alertID }),
                    changes[changeIndex].entries[entryIndex].after == written.after
                else { continue }
                changes[changeIndex].entries[entryIndex].version = written.version
                if stack == 0 { undoStack = changes } else { redoStack = changes }
            }
        }
    }
}
