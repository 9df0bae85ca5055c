import Alerts
import TerminalGrid
import TriageModel

/// Everything the console shows and remembers, as one value: the alerts and their triage, the
/// list's filter, order and selection, focus, overlays, prompts and messages.
///
/// Keys go in through ``handle(_:)``; work that touches the outside world comes back as
/// ``ConsoleEffect``s, whose results the app reports with the `did…` methods. There is no clock
/// and no terminal in here: the caller sets ``now`` and ``size``.
public struct ConsoleState: Sendable {
    /// Every loaded alert, in load order.
    public internal(set) var alerts: [AlertRecord]
    /// Triage state of each alert, parallel to ``alerts``.
    public internal(set) var states: [TriageState] {
        // Counted so the status order knows when to sort again (see ``SortedAlerts``).
        didSet { statesGeneration &+= 1 }
    }
    /// The stored version each of ``states`` was read at, parallel to ``alerts``; every write
    /// names it, so a write based on a stale copy is refused.
    public internal(set) var versions: [Int64]
    /// List columns and search text, parallel to ``alerts``.
    var rows: [AlertRow] {
        didSet { rowsGeneration &+= 1 }
    }
    /// Bumped on every change of ``rows`` and ``states``, for ``sortedAlerts``.
    var rowsGeneration = 0
    var statesGeneration = 0
    /// Every alert in the current sort order, kept between list refreshes.
    var sortedAlerts: SortedAlerts?
    var positionByUUID: [String: Int]
    /// Distinct rule names, sorted, for the rule filter.
    var ruleNames: [String]
    /// Position in ``alerts`` of each loaded EQL sequence alert, by group id, so a building
    /// block's detail can name its sequence.
    var sequenceByGroupID: [String: Int] = [:]
    /// Building-block alerts loaded; the list hides them unless ``AlertFilter/showsBuildingBlocks``.
    var buildingBlockCount = 0

    public internal(set) var filter: AlertFilter
    public internal(set) var sortOrder: SortOrder
    /// Positions in ``alerts`` of the listed alerts, filtered and sorted.
    public internal(set) var visible: [Int]
    /// Index into ``visible`` of the selected alert (0 when the list is empty).
    public internal(set) var selection: Int
    /// Alerts (positions in ``alerts``) marked for a bulk action.
    public internal(set) var marks: Set<Int>

    public internal(set) var focus: ConsolePane
    public internal(set) var overlay: ConsoleOverlay?
    public internal(set) var prompt: ConsolePrompt?
    /// First line shown of the list, the detail pane and the overlay.
    var listScroll = 0
    var detailScroll = 0
    /// The detail pane's highlighted field (an index into ``detailFieldRanges``): `y` copies it.
    public internal(set) var detailCursor = 0
    var overlayScroll = 0
    /// The highlighted checklist step in the sidebar.
    public internal(set) var stepCursor = 0
    /// Index into ``relatedWindows`` used when the related view opens.
    var relatedWindow = 2
    /// The related view's drill-down: the event under the cursor (an index into
    /// ``relatedEvents(window:)``) and whether only the guides' follow-ups are listed.
    var relatedCursor = 0
    public internal(set) var relatedFollowUpsOnly = false

    /// UTC or local time in the list and detail (`t`, `:times`).
    public internal(set) var timeDisplay: TimeDisplay = .utc
    /// The analyst's zone, set by the app; UTC until then (and in tests).
    public var localTimeZone: LocalTimeZone = .utc
    /// The view last stored with the case or restored from it (see ``viewSaveEffects()``).
    var savedView: ConsoleView?
    /// The `/` filter text from before the prompt opened, which Esc puts back.
    var textFilterBefore: String?
    /// Columns the list is scrolled right by (`←`/`→` in the list, `<`/`>`).
    public internal(set) var listOffset = 0
    /// The widest value of each sized list column over the listed alerts.
    var listContent = ContentWidths()
    /// Whether the focused pane is shown alone over the body (`z`).
    public internal(set) var isZoomed = false

    /// The raw view's highlighted line (an index into its lines): `y` copies its value.
    public internal(set) var rawCursor = 0
    /// The raw view's own search (`/` while it is open), whose matches it highlights.
    public internal(set) var rawQuery: String?
    /// Which of the raw view's matches `n`/`N` stand on, 0-based.
    var rawMatch = 0
    /// Whether the raw record being read was asked for by `|` from the detail pane, so it goes
    /// to the pager once it is in.
    var pagesRawWhenRead = false

    /// The last search text, for `n` and `N`.
    public internal(set) var searchQuery = ""
    /// Notes typed but not saved, by alert uuid.
    public internal(set) var drafts: [String: String] = [:]
    /// The version each open note editor or draft was started from, by alert uuid: its save
    /// names this version, so a note changed meanwhile in another console is not overwritten.
    var noteVersions: [String: Int64] = [:]
    /// Step notes whose save failed or was refused and which the analyst then left with Esc;
    /// Enter on the same step offers the text again.
    public internal(set) var stepNoteDrafts: [StepNoteKey: String] = [:]
    /// Close reasons kept the same way, by the alerts the close was for; the reason prompt for
    /// those alerts offers the text again.
    public internal(set) var reasonDrafts: [[String]: String] = [:]
    /// Whether the open step-note or reason prompt has had a save fail or be refused: Esc then
    /// keeps its text as a draft instead of discarding it.
    var promptSaveFailed = false
    /// The session's applied changes, oldest first: `u` undoes the last, again and again.
    public internal(set) var undoStack: [TriageChange] = []
    /// Changes undone, most recent last: Ctrl-R (or `U`) applies them again until a new action.
    public internal(set) var redoStack: [TriageChange] = []
    /// Whether the undo effect in flight is a redo, for `didUndo`.
    var undoInFlightIsRedo = false
    /// The export waiting for an answer about overwriting.
    var pendingExport: (targets: [String], path: String)?

    /// The message shown on the bottom line until the next one.
    public var message: StatusMessage?
    /// Set while data loads; the header shows it.
    public var progress: LoadingProgress?
    /// Whether the listed alerts are provisional rows streamed by a running scan (see
    /// ``showProvisional(_:states:)``): they can be looked at but not triaged until the decided
    /// list replaces them.
    public internal(set) var isProvisional = false
    /// Whether the related-activity index is still being built: the loaded alerts' related
    /// activity, trust anchors and first-seen facts are not in yet (see
    /// ``didIndexRelatedActivity(_:)``).
    public var isIndexingRelatedActivity = false
    /// Who the audit trail names for actions taken here.
    public var analyst: String
    /// The current time in epoch milliseconds, provided by the caller.
    public var now: Int64
    /// The terminal size the next render will use; page keys move by its list height.
    public var size: TerminalSize
    public var keymap: Keymap
    /// Every loaded rule, for the rules view and the header's count of rules that did not run.
    public var rules: [RuleStatus] = []
    /// Rule files that did not load, or whose query did not parse, as the loader reported them.
    public var ruleLoadErrors: [String] = []

    /// Related-activity windows `w` cycles through (± milliseconds); ±24 h is the default.
    public static let relatedWindows: [Int64] = [3_600_000, 6 * 3_600_000, 24 * 3_600_000]

    public init(
        alerts: [AlertRecord] = [], states: [String: TriageState] = [:], versions: [String: Int64] = [:],
        analyst: String, now: Int64, size: TerminalSize = TerminalSize(rows: 24, columns: 80),
        keymap: Keymap = .standard
    ) {
        self.alerts = []
        self.states = []
        self.versions = []
        self.rows = []
        self.positionByUUID = [:]
        self.ruleNames = []
        self.filter = AlertFilter()
        self.sortOrder = .timeAscending
        self.visible = []
        self.selection = 0
        self.marks = []
        self.focus = .list
        self.analyst = analyst
        self.now = now
        self.size = size
        self.keymap = keymap
        load(alerts: alerts, states: states, versions: versions)
    }

    /// Replaces the loaded alerts (e.g. when loading finishes), keeping filter, sort and, where
    /// the alert is still there, the selection. `versions` are the stored versions `states` were
    /// read at (0, untouched, where absent).
    public mutating func load(
        alerts: [AlertRecord], states: [String: TriageState], versions: [String: Int64] = [:]
    ) {
        let selectedUUID = selectedRecord?.uuid
        self.alerts = alerts
        self.rows = alerts.map(AlertRow.init(record:))
        self.states = alerts.map { states[$0.uuid] ?? .untouched }
        self.versions = alerts.map { versions[$0.uuid] ?? 0 }
        var positions: [String: Int] = [:]
        positions.reserveCapacity(alerts.count)
        for (position, record) in alerts.enumerated() { positions[record.uuid] = position }
        positionByUUID = positions
        ruleNames = Set(rows.map(\.ruleName)).sorted()
        indexGroups()
        marks = []
        isProvisional = false
        refreshList(keeping: selectedUUID.flatMap { positions[$0] })
    }

    /// The selected alert, if the list is not empty.
    public var selectedRecord: AlertRecord? {
        selectedPosition.map { alerts[$0] }
    }

    /// The selected alert's triage state.
    public var selectedState: TriageState? {
        selectedPosition.map { states[$0] }
    }

    /// The triage state of the alert with `uuid`.
    public func state(of uuid: String) -> TriageState? {
        positionByUUID[uuid].map { states[$0] }
    }

    /// The stored version the alert's state in memory was read at.
    public func version(of uuid: String) -> Int64? {
        positionByUUID[uuid].map { versions[$0] }
    }

    /// Whether any alert has a note, step note or close reason typed but not saved (quitting
    /// asks first).
    public var hasUnsavedNotes: Bool {
        if case .note? = prompt { return true }
        return !drafts.isEmpty || !stepNoteDrafts.isEmpty || !reasonDrafts.isEmpty
    }

    /// How many alerts have unsaved text of any kind, for the quit question.
    var alertsWithUnsavedText: Int {
        var uuids = Set(drafts.keys)
        uuids.formUnion(stepNoteDrafts.keys.map(\.uuid))
        for targets in reasonDrafts.keys { uuids.formUnion(targets) }
        return uuids.count
    }

    /// Loaded rules that did not run, and rule files that did not load.
    public var rulesNotRun: Int {
        rules.filter { !$0.ran }.count + ruleLoadErrors.count
    }

    /// The loaded sequence alert a building block belongs to.
    func sequenceAlert(of record: AlertRecord) -> AlertRecord? {
        guard let group = record.group, group.isBuildingBlock, let position = sequenceByGroupID[group.id] else {
            return nil
        }
        return alerts[position]
    }

    /// Rebuilds ``sequenceByGroupID`` and ``buildingBlockCount`` from ``alerts``.
    mutating func indexGroups() {
        var sequences: [String: Int] = [:]
        var blocks = 0
        for (position, record) in alerts.enumerated() {
            guard let group = record.group else { continue }
            if group.isBuildingBlock {
                blocks += 1
            } else if sequences[group.id] == nil {
                sequences[group.id] = position
            }
        }
        sequenceByGroupID = sequences
        buildingBlockCount = blocks
    }

    /// Position in ``alerts`` of the selected alert.
    var selectedPosition: Int? {
        visible.indices.contains(selection) ? visible[selection] : nil
    }
}
