import TerminalGrid
import TriageModel

extension ConsoleState {
    /// Handles one key: a prompt takes every key while open; otherwise the keymap turns the key
    /// into a command for the focused pane or the open view.
    public mutating func handle(_ key: KeyEvent) -> [ConsoleEffect] {
        let effects = dispatch(key)
        return effects + viewSaveEffects()
    }

    private mutating func dispatch(_ key: KeyEvent) -> [ConsoleEffect] {
        if key == .resize {
            // The app has already set `size`; only the list's scroll depends on it.
            scrollListToSelection()
            return []
        }
        if case .mouse(let event) = key {
            handleMouse(event)
            return []
        }
        if let prompt {
            return handle(key, in: prompt)
        }
        guard let command = keymap.command(for: key, in: contexts) else { return [] }
        message = nil
        return perform(command)
    }

    /// The keymap contexts keys are looked up in right now, most specific first.
    public var contexts: [KeyContext] {
        if let prompt { return prompt.contexts }
        if rawLines != nil { return [.rawView, .overlay, .global] }
        if overlay != nil { return [.overlay, .global] }
        switch focus {
        case .list: return [.list, .global]
        case .detail: return [.detail, .global]
        case .sidebar: return [.sidebar, .global]
        }
    }

    /// The contexts the hint bar lists keys from: the raw view lists only its own keys, as the
    /// list's would not do there what they say; elsewhere, the lookup contexts.
    public var hintContexts: [KeyContext] {
        if prompt == nil, rawLines != nil { return [.rawView] }
        return contexts
    }

    /// Runs a command outside prompts. Public so an app can offer commands by other means
    /// (a command line, a menu) without synthesising keys.
    public mutating func perform(_ command: ConsoleAction) -> [ConsoleEffect] {
        guard allowsWhileLoading(command) else { return [] }
        switch command {
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .pageDown: move(by: pageSize)
        case .pageUp: move(by: -pageSize)
        case .top: move(by: Int.min / 2)
        case .bottom: move(by: Int.max / 2)
        case .nextPane: if overlay == nil { focus = focus.next }
        case .previousPane: if overlay == nil { focus = focus.previous }
        case .open:
            if overlay != nil {
                openRelatedEvent()
            } else if selectedRecord != nil {
                focus = .detail
            }
        case .toggleMark: toggleMark()

        case .toggleReviewed: return toggleSelectedReviewed()
        case .acknowledge: return applyToSelected(.setStatus(.acknowledged))
        case .reopen: return applyToSelected(.setStatus(.open))
        case .close:
            if let record = requireSelection() { prompt = .disposition(targets: [record.uuid], choice: 0) }
        case .editNote: return editNote()
        case .tickStep: return tickStep()
        case .editStepNote: editStepNote()
        case .bulkAction: startBulk()
        case .undo: return undo()
        case .redo: return redo()
        case .exportSelected: startExport(filtered: false)
        case .exportFiltered: startExport(filtered: true)

        case .showRaw:
            if let record = requireSelection() { return showRaw(record) }
        case .showRelated:
            if requireSelection() != nil { openRelated() }
        case .showAudit:
            if let record = requireSelection() { return [.readAuditTrail(uuid: record.uuid)] }
        case .showHelp:
            overlay = .help
            overlayScroll = 0
        case .showRules:
            overlay = .rules
            overlayScroll = 0
        case .cycleWindow:
            if case .related(let window) = overlay {
                relatedWindow = (window + 1) % Self.relatedWindows.count
                overlay = .related(window: relatedWindow)
                positionRelatedCursorOnAlertEvent()
            }
        case .toggleFollowUpsOnly: toggleFollowUpsOnly()
        case .pageRaw: return pageRaw()
        case .copyValue: return copyValue()

        case .search: if rawLines != nil { openRawSearch() } else { openSearch() }
        case .commandLine: openCommandLine()
        case .toggleTimeDisplay: toggleTimeDisplay()
        case .zoomPane: toggleZoom()
        case .scrollLeft: scrollList(by: -Self.sideStep)
        case .scrollRight: scrollList(by: Self.sideStep)
        case .nextMatch: if rawLines != nil { stepRawMatch(forward: true) } else { jumpToMatch(forward: true) }
        case .previousMatch: if rawLines != nil { stepRawMatch(forward: false) } else { jumpToMatch(forward: false) }
        case .cycleStatusFilter: cycleStatusFilter()
        case .pickRule: openRulePicker()
        case .cycleSeverityFilter: cycleSeverityFilter()
        case .cycleSort: cycleSort()
        case .toggleBuildingBlocks: toggleBuildingBlocks()

        case .redraw: return [.redraw]
        case .back: back()
        case .quit:
            if hasUnsavedNotes {
                prompt = .quit
            } else {
                return [.quit]
            }
        case .submit, .confirm, .deny, .deleteBackward, .newline, .saveNote, .externalEditor, .choose, .complete,
            .cursorLeft,
            .cursorRight,
            .lineStart, .lineEnd, .wordLeft, .wordRight, .deleteForward:
            break  // only meaningful inside prompts
        }
        return []
    }

    /// Rows a page key moves: the visible height of whatever has focus, less one row of overlap.
    private var pageSize: Int {
        let layout = self.layout
        let height: Int
        if overlay != nil {
            height = layout.overlayBodyHeight
        } else {
            switch focus {
            case .list: height = layout.listBody.height
            case .detail: height = layout.detail.height
            case .sidebar: height = layout.sidebar.height
            }
        }
        return max(1, height - 1)
    }

    private mutating func move(by delta: Int) {
        if case .related? = overlay {
            moveRelatedCursor(by: delta)
            return
        }
        if rawLines != nil {
            moveRawCursor(by: delta)
            return
        }
        if overlay != nil {
            overlayScroll = max(0, min(overlayScroll.addingClamped(delta), maxOverlayScroll))
            return
        }
        switch focus {
        case .list:
            select(selection.addingClamped(delta))
        case .detail:
            moveDetailCursor(by: delta)
        case .sidebar:
            let steps = selectedRecord?.guide.steps.count ?? 0
            stepCursor = max(0, min(stepCursor.addingClamped(delta), steps - 1))
        }
    }

    /// The last first-line an overlay can scroll to.
    var maxOverlayScroll: Int {
        let layout = self.layout
        return max(0, overlayLines(width: layout.overlay.width - 2).count - layout.overlayBodyHeight)
    }

    private mutating func back() {
        if case .relatedEvent(let window, _)? = overlay {
            // Stacked views: back to the list of events, where the cursor still is.
            overlay = .related(window: window)
            scrollRelatedCursorIntoView()
        } else if rawLines != nil, rawQuery != nil {
            clearRawSearch()
        } else if overlay != nil {
            overlay = nil
        } else if focus != .list {
            focus = .list
        } else if !marks.isEmpty {
            clearMarks()
            message = StatusMessage("Marks cleared")
        } else if !filter.isEmpty {
            clearFilters()
            message = StatusMessage("Filters cleared")
        }
    }

    /// The selected alert, or a message saying there is none.
    mutating func requireSelection() -> AlertRecord? {
        guard let record = selectedRecord else {
            message = StatusMessage("No alert selected", kind: .warning)
            return nil
        }
        return record
    }
}

extension Int {
    /// Addition that saturates instead of trapping, so "move by a huge amount" means "to the end".
    func addingClamped(_ other: Int) -> Int {
        let (result, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? Int.max : Int.min) : result
    }
}
