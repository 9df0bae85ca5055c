import TriageModel

extension ConsoleState {
    /// Asks the app to apply `action` to the selected alert.
    mutating func applyToSelected(_ action: TriageAction) -> [ConsoleEffect] {
        guard let record = requireSelection() else { return [] }
        return [.applyTriage(action, targets: targets([record.uuid]))]
    }

    /// `r`: sets the mark to the opposite of what the screen shows, rather than flipping
    /// whatever is stored, so a stale screen can never invert someone else's mark.
    mutating func toggleSelectedReviewed() -> [ConsoleEffect] {
        guard let state = selectedState else {
            _ = requireSelection()
            return []
        }
        return applyToSelected(.setReviewed(!state.reviewed))
    }

    /// The alerts with the versions this console last read them at, which each write names.
    func targets(_ uuids: [String]) -> [TriageTarget] {
        uuids.map { TriageTarget(alertID: $0, version: version(of: $0) ?? 0) }
    }

    /// `m`: the editor opens once the app has read the stored note (``didReadNote(_:uuid:)``).
    mutating func editNote() -> [ConsoleEffect] {
        guard let record = requireSelection() else { return [] }
        return [.openNote(uuid: record.uuid)]
    }

    /// The step the sidebar cursor is on, clamped to the selected alert's guide.
    var currentStep: StepKey? {
        guard let steps = selectedRecord?.guide.stepKeys, !steps.isEmpty else { return nil }
        return steps[max(0, min(stepCursor, steps.count - 1))]
    }

    mutating func tickStep() -> [ConsoleEffect] {
        guard let record = requireSelection() else { return [] }
        guard let step = currentStep, let state = selectedState else {
            message = StatusMessage("This rule's guide has no steps", kind: .warning)
            return []
        }
        return [.applyTriage(.setStepDone(step, !state.step(step).isDone), targets: targets([record.uuid]))]
    }

    mutating func editStepNote() {
        guard let record = requireSelection() else { return }
        guard let step = currentStep, let state = selectedState else {
            message = StatusMessage("This rule's guide has no steps", kind: .warning)
            return
        }
        promptSaveFailed = false
        let key = StepNoteKey(uuid: record.uuid, step: step)
        if let draft = stepNoteDrafts[key] {
            prompt = .stepNote(uuid: record.uuid, step: step, TextInput(draft))
            message = StatusMessage("Your unsaved step note is back: Enter saves, Esc keeps it", kind: .warning)
        } else {
            prompt = .stepNote(uuid: record.uuid, step: step, TextInput(state.step(step).note))
        }
    }

    /// `b`: the marked alerts when there are any, else every listed alert.
    mutating func startBulk() {
        let targets: [String]
        let scope: String
        if marks.isEmpty {
            targets = visible.map { alerts[$0].uuid }
            scope = "filtered"
        } else {
            targets = markedUUIDs
            scope = "marked"
        }
        guard !targets.isEmpty else {
            message = StatusMessage("No alerts listed", kind: .warning)
            return
        }
        prompt = .bulkMenu(targets: targets, scope: scope)
    }

    /// Marked alerts in list order.
    var markedUUIDs: [String] {
        visible.filter { marks.contains($0) }.map { alerts[$0].uuid }
    }

    /// `e` (selected or marked alerts) and `E` (the filtered list): asks for a file name.
    mutating func startExport(filtered: Bool) {
        let targets: [String]
        if filtered {
            targets = visible.map { alerts[$0].uuid }
        } else if !marks.isEmpty {
            targets = markedUUIDs
        } else {
            targets = requireSelection().map { [$0.uuid] } ?? []
        }
        guard let first = targets.first else {
            if filtered { message = StatusMessage("No alerts listed", kind: .warning) }
            return
        }
        let name =
            targets.count == 1
            ? "case-notes-\(first.prefix(8)).md"
            : "case-notes-\(TimeText.iso(now).prefix(10))-\(targets.count)-alerts.md"
        prompt = .exportPath(targets: targets, TextInput(name))
    }
}
