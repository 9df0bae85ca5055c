import CaseNotes
import TerminalGrid
import TriageModel

extension ConsoleState {
    /// Handles a key while `prompt` is open. Keys the prompt's contexts do not bind are typed
    /// into text prompts and ignored by questions.
    mutating func handle(_ key: KeyEvent, in prompt: ConsolePrompt) -> [ConsoleEffect] {
        let command = keymap.command(for: key, in: prompt.contexts)
        switch prompt {
        case .search(let input, let origin):
            handleSearch(key, command: command, input: input, origin: origin)
        case .rawSearch(let input):
            handleRawSearch(key, command: command, input: input)
        case .command(let input):
            handleCommandLine(key, command: command, input: input)
        case .rulePicker(let choices, let choice):
            handleRulePicker(command: command, choices: choices, choice: choice)

        case .note(let uuid, var input):
            // The stored note as read when the editor opened (or refreshed by a refused save).
            let saved = state(of: uuid)?.notes ?? ""
            switch command {
            case .saveNote:
                guard input.text != saved else {
                    self.prompt = nil
                    drafts[uuid] = nil
                    noteVersions[uuid] = nil
                    message = StatusMessage("Note unchanged")
                    return []
                }
                // The editor stays open until `didApply` reports the note committed, so a failed
                // or refused save leaves the text where the analyst typed it.
                let base = noteVersions[uuid] ?? version(of: uuid) ?? 0
                return [.applyTriage(.setNotes(input.text), targets: [TriageTarget(alertID: uuid, version: base)])]
            case .back:
                self.prompt = nil
                if input.text == saved {
                    drafts[uuid] = nil
                    noteVersions[uuid] = nil
                } else {
                    drafts[uuid] = input.text
                    message = StatusMessage(
                        "Note not saved: m resumes it, Ctrl-D in the editor saves it", kind: .warning)
                }
            case .newline:
                input.insert("\n")
                self.prompt = .note(uuid: uuid, input)
            case .externalEditor:
                return [.editNote(uuid: uuid, text: input.text)]
            default:
                guard edit(&input, with: command, key: key) else { return [] }
                self.prompt = .note(uuid: uuid, input)
            }

        case .stepNote(let uuid, let step, var input):
            switch command {
            case .submit:
                // Open until `didApply` reports the note committed, like the note editor.
                return [.applyTriage(.setStepNote(step, input.text), targets: targets([uuid]))]
            case .back:
                let key = StepNoteKey(uuid: uuid, step: step)
                if promptSaveFailed || stepNoteDrafts[key] != nil, input.text != state(of: uuid)?.step(step).note {
                    stepNoteDrafts[key] = input.text
                    message = StatusMessage(
                        "Step note not saved: Enter on step \(step.index + 1) offers it again", kind: .warning
                    )
                } else {
                    stepNoteDrafts[key] = nil
                }
                closePrompt()
            default:
                guard edit(&input, with: command, key: key) else { return [] }
                self.prompt = .stepNote(uuid: uuid, step: step, input)
            }

        case .disposition(let targets, let choice):
            let options = Disposition.allCases
            switch command {
            case .moveDown: self.prompt = .disposition(targets: targets, choice: min(choice + 1, options.count - 1))
            case .moveUp: self.prompt = .disposition(targets: targets, choice: max(choice - 1, 0))
            case .choose(let number) where options.indices.contains(number - 1):
                openReason(targets: targets, options[number - 1])
            case .submit: openReason(targets: targets, options[choice])
            case .back: cancel("Close cancelled")
            default: break
            }

        case .reason(let targets, let disposition, var input):
            switch command {
            case .submit:
                let reason = input.text.trimmingSpaces
                guard !reason.isEmpty else {
                    message = StatusMessage("A reason is required to close", kind: .warning)
                    return []
                }
                let action = TriageAction.close(disposition, reason: reason)
                if targets.count > 1 {
                    self.prompt = .confirmBulk(action, targets: targets)
                    return []
                }
                // Open until `didApply` reports the close committed, so the reason survives a
                // failed or refused save.
                return [.applyTriage(action, targets: self.targets(targets))]
            case .back:
                if promptSaveFailed || reasonDrafts[targets] != nil, !input.text.trimmingSpaces.isEmpty {
                    reasonDrafts[targets] = input.text
                    closePrompt()
                    message = StatusMessage("Close not saved: c offers the reason again", kind: .warning)
                } else {
                    reasonDrafts[targets] = nil
                    cancel("Close cancelled")
                }
            default:
                guard edit(&input, with: command, key: key) else { return [] }
                self.prompt = .reason(targets: targets, disposition, input)
            }

        case .bulkMenu(let targets, _):
            switch command {
            case .toggleReviewed: self.prompt = .confirmBulk(.setReviewed(true), targets: targets)
            case .acknowledge: self.prompt = .confirmBulk(.setStatus(.acknowledged), targets: targets)
            case .reopen: self.prompt = .confirmBulk(.setStatus(.open), targets: targets)
            case .close: self.prompt = .disposition(targets: targets, choice: 0)
            case .back, .deny: cancel("Bulk action cancelled")
            default: break
            }

        case .confirmBulk(let action, let targets):
            switch command {
            case .confirm:
                self.prompt = nil
                clearMarks()
                return [.applyTriage(action, targets: self.targets(targets))]
            case .deny, .back: cancel("Bulk action cancelled")
            default: break
            }

        case .exportPath(let targets, var input):
            switch command {
            case .submit:
                let path = input.text.trimmingSpaces
                guard !path.isEmpty else {
                    message = StatusMessage("A file name is required", kind: .warning)
                    return []
                }
                self.prompt = nil
                pendingExport = (targets, path)
                return [.export(uuids: targets, format: Self.format(of: path), path: path, overwrite: false)]
            case .back: cancel("Export cancelled")
            default:
                guard edit(&input, with: command, key: key) else { return [] }
                self.prompt = .exportPath(targets: targets, input)
            }

        case .overwrite(let targets, let path):
            switch command {
            case .confirm:
                self.prompt = nil
                pendingExport = (targets, path)
                return [.export(uuids: targets, format: Self.format(of: path), path: path, overwrite: true)]
            case .deny:
                self.prompt = .exportPath(targets: targets, TextInput(path))
                message = StatusMessage("Choose another file name")
            case .back: cancel("Export cancelled")
            default: break
            }

        case .quit:
            switch command {
            case .confirm:
                self.prompt = nil
                return [.quit]
            case .deny, .back: cancel(nil)
            default: break
            }
        }
        return []
    }

    /// Applies a text-editing command or types a printable key. Returns whether `input` changed.
    func edit(_ input: inout TextInput, with command: ConsoleAction?, key: KeyEvent) -> Bool {
        switch command {
        case .deleteBackward: input.deleteBackward()
        case .deleteForward: input.deleteForward()
        case .cursorLeft: input.moveLeft()
        case .cursorRight: input.moveRight()
        case .lineStart: input.moveToLineStart()
        case .lineEnd: input.moveToLineEnd()
        case .wordLeft: input.moveWordLeft()
        case .wordRight: input.moveWordRight()
        default:
            if command == nil, case .character(let character) = key {
                input.insert(character)
                return true
            }
            return false
        }
        return true
    }

    private mutating func cancel(_ text: String?) {
        closePrompt()
        message = text.map { StatusMessage($0) }
    }

    /// Closes the prompt; the next one starts without a failed save behind it.
    mutating func closePrompt() {
        prompt = nil
        promptSaveFailed = false
    }

    /// The close reason, starting from a reason kept when an earlier close of the same alerts
    /// was not saved.
    private mutating func openReason(targets: [String], _ disposition: Disposition) {
        promptSaveFailed = false
        prompt = .reason(targets: targets, disposition, TextInput(reasonDrafts[targets] ?? ""))
        if reasonDrafts[targets] != nil {
            message = StatusMessage("Your unsaved reason is back: Enter closes, Esc keeps it", kind: .warning)
        }
    }

    static func format(of path: String) -> CaseNotesExporter.Format {
        path.lowercased().hasSuffix(".json") ? .json : .markdown
    }
}

extension String {
    /// The text without leading and trailing spaces and newlines (no Foundation here).
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
