import TriageModel

extension ConsoleState {
    /// Records a change the app has committed: the new states, the undo point and a message.
    /// Alerts the store refused because another console changed them first are refreshed from
    /// what it returned, so the screen shows the stored state, and the message says so.
    public mutating func didApply(_ change: TriageChange) {
        update(with: change)
        recordForUndo(change)
        if case .note(let uuid, _)? = prompt {
            if change.entries.contains(where: { $0.alertID == uuid }) {
                // Committed: only now does the editor close and the draft go.
                prompt = nil
                drafts[uuid] = nil
                noteVersions[uuid] = nil
            } else if let conflict = change.conflicts.first(where: { $0.alertID == uuid }) {
                // The analyst has now been told; a second Ctrl-D saves over the newer note.
                noteVersions[uuid] = conflict.current.version
                message = StatusMessage(
                    "Not saved: " + Self.describe(conflict) + ". Your note is still here: Ctrl-D saves it over theirs, "
                        + "Esc keeps it as a draft",
                    kind: .warning
                )
                return
            }
        }
        if let (uuids, noun, retry) = openTriagePrompt {
            if change.entries.contains(where: { uuids.contains($0.alertID) }) {
                // Committed: only now does the prompt close and its draft go.
                dropPromptDraft()
                closePrompt()
            } else if let conflict = change.conflicts.first(where: { uuids.contains($0.alertID) }) {
                promptSaveFailed = true
                message = StatusMessage(
                    "Not saved: " + Self.describe(conflict) + ". Your \(noun) is still here: \(retry) over their "
                        + "change, Esc keeps it as a draft",
                    kind: .warning
                )
                return
            }
        }
        message = Self.message(for: change, prefix: "", refused: "refused")
    }

    /// The alerts, the name of the text and the retry key of an open step-note or reason prompt,
    /// which stays open until its save commits.
    private var openTriagePrompt: (uuids: [String], noun: String, retry: String)? {
        switch prompt {
        case .stepNote(let uuid, _, _)?: ([uuid], "step note", "Enter saves it")
        case .reason(let targets, _, _)?: (targets, "reason", "Enter closes")
        default: nil
        }
    }

    /// Forgets the kept draft of the open step-note or reason prompt once its save committed.
    private mutating func dropPromptDraft() {
        switch prompt {
        case .stepNote(let uuid, let step, _)?: stepNoteDrafts[StepNoteKey(uuid: uuid, step: step)] = nil
        case .reason(let targets, _, _)?: reasonDrafts[targets] = nil
        default: break
        }
    }

    /// Records an undo the app has committed. Undo is one level deep: the undone change is
    /// forgotten, so `u` twice does not redo. Alerts changed since in another console are left
    /// as they are, refreshed from the store.
    public mutating func didUndo(_ change: TriageChange) {
        update(with: change)
        let verb = undoInFlightIsRedo ? "redone" : "undone"
        moveAfterUndo(change)
        if change.entries.isEmpty, change.conflicts.isEmpty {
            message = StatusMessage("Nothing \(verb)", kind: .warning)
        } else if change.entries.isEmpty {
            message = StatusMessage("Nothing \(verb): " + Self.describe(change.conflicts), kind: .warning)
        } else {
            message = Self.message(
                for: change, prefix: verb == "undone" ? "Undone: " : "Redone: ", refused: "not \(verb)")
        }
    }

    /// Opens the note editor on the alert's triage as the app has just read it from the store.
    /// A draft typed earlier is resumed; if the stored note moved on since it was started, the
    /// message says who changed it, and saving the draft then replaces theirs knowingly.
    public mutating func didReadNote(_ revision: TriageRevision, uuid: String) {
        refresh(uuid, to: revision)
        if let draft = drafts[uuid] {
            if let base = noteVersions[uuid], base != revision.version {
                message = StatusMessage(
                    "This draft is older than the stored note: "
                        + Self.describe(
                            TriageChange.Conflict(
                                alertID: uuid, current: revision
                            )) + ". Ctrl-D saves the draft over it",
                    kind: .warning
                )
            }
            prompt = .note(uuid: uuid, TextInput(draft))
        } else {
            prompt = .note(uuid: uuid, TextInput(revision.state.notes))
        }
        noteVersions[uuid] = revision.version
    }

    /// Reports a triage write the store could not commit (disk full, read-only file, lock held
    /// too long). Nothing changed on screen; an open note editor, step-note or reason prompt keeps
    /// its text.
    public mutating func didFailToApply(_ reason: String) {
        if case .note? = prompt {
            message = StatusMessage(
                "Not saved: \(reason). Your note is still here: Ctrl-D retries, Esc keeps it as a draft", kind: .error
            )
        } else if let (_, noun, _) = openTriagePrompt {
            promptSaveFailed = true
            message = StatusMessage(
                "Not saved: \(reason). Your \(noun) is still here: Enter retries, Esc keeps it as a draft", kind: .error
            )
        } else {
            message = StatusMessage("Not saved: \(reason)", kind: .error)
        }
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

    /// Shows an error from the app (e.g. loading failed).
    public mutating func didFail(_ text: String) {
        message = StatusMessage(text, kind: .error)
    }

    /// Sets the states of the alerts `change` touched, and of those it was refused for, and
    /// re-filters, since a status change can move an alert out of the filtered list.
    private mutating func update(with change: TriageChange) {
        for entry in change.entries {
            guard let position = positionByUUID[entry.alertID] else { continue }
            states[position] = entry.after
            versions[position] = entry.version
        }
        for conflict in change.conflicts {
            guard let position = positionByUUID[conflict.alertID] else { continue }
            states[position] = conflict.current.state
            versions[position] = conflict.current.version
        }
        refreshList(keeping: selectedPosition)
    }

    /// Replaces one alert's state in memory with what the store holds.
    private mutating func refresh(_ uuid: String, to revision: TriageRevision) {
        guard let position = positionByUUID[uuid] else { return }
        states[position] = revision.state
        versions[position] = revision.version
        refreshList(keeping: selectedPosition)
    }

    /// "2 alerts, status:acknowledged", plus how many alerts were refused and why.
    private static func message(for change: TriageChange, prefix: String, refused: String) -> StatusMessage {
        let count = change.conflicts.count
        if count == 0 {
            return StatusMessage(summary(of: change, prefix: prefix), kind: .success)
        }
        if change.entries.isEmpty {
            return StatusMessage(
                "Not saved: " + (count == 1 ? "" : "\(count) alerts ") + describe(change.conflicts),
                kind: .warning)
        }
        let refusal = "; \(count) \(refused): " + describe(change.conflicts)
        return StatusMessage(summary(of: change, prefix: prefix) + refusal, kind: .warning)
    }

    /// "changed by bob at 2026-03-10 09:00:00 in another console; refreshed" for one alert;
    /// the latest writer for several.
    private static func describe(_ conflicts: [TriageChange.Conflict]) -> String {
        guard conflicts.count > 1 else { return conflicts.first.map(describe) ?? "" }
        let latest = conflicts.max { ($0.current.updatedAt ?? 0) < ($1.current.updatedAt ?? 0) }?.current
        return "changed in another console (last" + (latest.map(writer) ?? "") + "); refreshed"
    }

    private static func describe(_ conflict: TriageChange.Conflict) -> String {
        "changed" + writer(conflict.current) + " in another console; refreshed"
    }

    /// " by bob at 2026-03-10 09:00:00", with whichever parts the store knows.
    static func writer(_ revision: TriageRevision) -> String {
        var text = ""
        if let analyst = revision.updatedBy { text += " by \(analyst)" }
        if let time = revision.updatedAt { text += " at \(TimeText.dateTime(time))" }
        return text
    }

    private static func summary(of change: TriageChange, prefix: String) -> String {
        guard let first = change.audit.first else { return prefix + "no change" }
        let detail = change.audit.count == 1 ? first.detail : "\(change.audit.count) alerts, " + first.action
        return prefix + detail
    }
}
