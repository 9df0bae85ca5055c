import TriageModel

extension ConsoleState {
    /// Every note typed here and not saved, by alert uuid: the drafts left with Esc and the text
    /// in the open note editor (when it differs from the stored note). The app keeps this on disk
    /// as it changes, so a crash, Ctrl-C or SIGTERM loses none of it.
    public var unsavedNoteDrafts: [String: NoteDraft] {
        var result: [String: NoteDraft] = [:]
        for (uuid, text) in drafts {
            result[uuid] = NoteDraft(text: text, baseVersion: noteVersions[uuid] ?? version(of: uuid) ?? 0)
        }
        if case .note(let uuid, let input)? = prompt {
            if input.text == state(of: uuid)?.notes ?? "" {
                result[uuid] = nil
            } else {
                result[uuid] = NoteDraft(text: input.text, baseVersion: noteVersions[uuid] ?? version(of: uuid) ?? 0)
            }
        }
        return result
    }

    /// Whether the alert with `uuid` is loaded here (drafts of other alerts are left alone).
    public func isLoaded(_ uuid: String) -> Bool {
        positionByUUID[uuid] != nil
    }

    /// Takes the drafts an earlier session kept (it was interrupted, killed or quit with notes
    /// unsaved): each loaded alert's draft comes back as if left with Esc, so `m` offers it again
    /// and saving it names the version it started from. A draft equal to the stored note is
    /// dropped. Returns how many came back.
    @discardableResult
    public mutating func restoreNoteDrafts(_ stored: [String: NoteDraft]) -> Int {
        var restored = 0
        for (uuid, draft) in stored where isLoaded(uuid) && drafts[uuid] == nil {
            guard draft.text != state(of: uuid)?.notes else { continue }
            if case .note(uuid, _)? = prompt { continue }
            drafts[uuid] = draft.text
            noteVersions[uuid] = draft.baseVersion
            restored += 1
        }
        if restored > 0 {
            message = StatusMessage(
                "Unsaved notes from last time are back on \(restored) alert\(restored == 1 ? "" : "s"): "
                    + "m on the alert offers its draft",
                kind: .warning)
        }
        return restored
    }
}
