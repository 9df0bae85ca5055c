import CaseNotes
import TriageModel

/// Work the reducer asks the app to do. The reducer is pure; the app performs each effect and
/// reports back (``ConsoleState/didApply(_:)``, ``ConsoleState/didUndo(_:)``,
/// ``ConsoleState/didReadNote(_:uuid:)``, ``ConsoleState/didExport(_:)``,
/// ``ConsoleState/didFail(_:)``) before the next render. The triage effects are performed
/// against the store outside this module, by `ConsoleStoreEffects` (`ConsoleStore`).
public enum ConsoleEffect: Sendable, Hashable {
    /// Commit `action` for each target still at the version named (store first, then
    /// `didApply`), recording ``ConsoleState/analyst`` and the current time. On failure,
    /// `didFailToApply`.
    case applyTriage(TriageAction, targets: [TriageTarget])
    /// Read the alert's triage from the store now and pass it to `didReadNote`, which opens the
    /// note editor on the stored note rather than the copy in memory.
    case openNote(uuid: String)
    /// Undo this change (the last one applied), then call `didUndo`.
    case undo(TriageChange)
    /// Write case notes for `uuids`, in list order, to `path`. With `overwrite` false, an existing
    /// file must be left alone and reported as ``ExportOutcome/exists(path:)``.
    case export(uuids: [String], format: CaseNotesExporter.Format, path: String, overwrite: Bool)
    /// Store the list's view (filters, sort, time display) with the case, as command lines
    /// (see ``ConsoleState/restoreView(_:)``), so it is back when the case is opened again.
    case saveView(String)
    /// Read the alert's original CloudTrail record (record `index` of `file`, as the scan
    /// numbered them) and pass it, or why it could not be read, to `didReadOriginalRecord`.
    case readOriginalRecord(uuid: String, file: String, index: Int)
    /// Read the alert's audit trail from the store and pass it to `didReadAuditTrail`.
    case readAuditTrail(uuid: String)
    /// Show `text` in the analyst's `$PAGER` (`less` when unset): write it to a private
    /// temporary file, leave curses mode, run the pager, restore the screen, delete the file.
    /// The text is already escaped, so no control character from a log reaches the pager.
    case page(text: String)
    /// Put `text` (escaped, as shown) on the clipboard: OSC 52 to the terminal (wrapped for tmux
    /// passthrough under tmux), and under tmux into its paste buffer too.
    case copy(text: String)
    /// Hand the note draft `text` of alert `uuid` to `$EDITOR` (`vi` when unset) in a private
    /// temporary file, and pass what the editor left, or why it failed, to `didEditNote`.
    case editNote(uuid: String, text: String)
    /// Repaint the whole terminal (Ctrl-L).
    case redraw
    /// Leave the console.
    case quit
}

/// What became of an export, reported by the app through ``ConsoleState/didExport(_:)``.
public enum ExportOutcome: Sendable, Hashable {
    case written(path: String, count: Int)
    /// The file exists and was not replaced; the console asks whether to overwrite.
    case exists(path: String)
    case failed(path: String, reason: String)
}
