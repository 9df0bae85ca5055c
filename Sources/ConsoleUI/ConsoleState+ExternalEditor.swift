extension ConsoleState {
    /// Reports what `$EDITOR` left for the note draft of `uuid` (see ``ConsoleEffect/editNote(uuid:text:)``):
    /// the editor reopens on it, unsaved (Ctrl-D saves). When the editor failed, the draft is
    /// left as it was and the status line says so.
    public mutating func didEditNote(_ result: Result<String, ExternalEditFailure>, uuid: String) {
        guard case .note(let open, let before)? = prompt, open == uuid else { return }
        switch result {
        case .success(var text):
            // Editors end the file with a newline the analyst did not type.
            if text.hasSuffix("\n"), !before.text.hasSuffix("\n") { text.removeLast() }
            prompt = .note(uuid: uuid, TextInput(text))
            message = StatusMessage("Back from $EDITOR: Ctrl-D saves, Esc keeps the draft")
        case .failure(let failure):
            message = StatusMessage("The editor failed (\(failure.reason)); your draft is unchanged", kind: .error)
        }
    }
}

/// Why `$EDITOR` could not edit a note draft.
public struct ExternalEditFailure: Error, Sendable, Hashable {
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }
}
