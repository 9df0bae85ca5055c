import Alerts
import TrailTriageJSON
import TriageModel

extension ConsoleState {
    /// Adds rows a running scan streamed to the list, while the decided alerts are not in yet.
    /// A row whose alert is already listed (the same event delivered twice) is left out; `states`
    /// are the stored triage the rows show. Filter, sort and selection are kept. Does nothing
    /// once the decided alerts are loaded.
    public mutating func showProvisional(_ provisional: [ProvisionalAlert], states stored: [String: TriageState]) {
        guard isProvisional || alerts.isEmpty else { return }
        let selected = selectedPosition
        var added = false
        for row in provisional where positionByUUID[row.uuid] == nil {
            let record = AlertRecord(provisional: row)
            positionByUUID[row.uuid] = alerts.count
            alerts.append(record)
            rows.append(AlertRow(record: record))
            states.append(stored[row.uuid] ?? .untouched)
            versions.append(0)
            added = true
        }
        guard added else { return }
        isProvisional = true
        ruleNames = Set(rows.map(\.ruleName)).sorted()
        // Positions only grow while rows stream in, so the selected one is still the same alert.
        refreshList(keeping: selected)
    }

    /// Fills in the related activity of the loaded alerts once the index is built: `records` are
    /// the same alerts (by uuid) with it. Triage, selection and the list stay as they are.
    public mutating func didIndexRelatedActivity(_ records: [AlertRecord]) {
        for record in records {
            guard let position = positionByUUID[record.uuid] else { continue }
            alerts[position] = record
            // A group's actor and action may come from its events, which are only now known.
            if record.isGroupAlert {
                rows[position] = AlertRow(record: record)
            }
        }
        isIndexingRelatedActivity = false
    }

    /// Whether `command` may run now: triage, marks, exports and the raw and related views wait
    /// for the decided alerts, and exports also for their related activity. Says why when not.
    mutating func allowsWhileLoading(_ command: ConsoleAction) -> Bool {
        switch command {
        case .toggleReviewed, .acknowledge, .reopen, .close, .editNote, .tickStep, .editStepNote, .bulkAction,
            .toggleMark, .undo, .redo, .exportSelected, .exportFiltered, .showRaw, .showRelated, .showAudit:
            if isProvisional {
                message = StatusMessage(
                    "Still loading: these alerts are provisional until the scan has decided them", kind: .warning)
                return false
            }
            if isIndexingRelatedActivity, command == .exportSelected || command == .exportFiltered {
                message = StatusMessage("Export waits for related activity (indexing…)", kind: .warning)
                return false
            }
            return true
        default:
            return true
        }
    }
}

extension AlertRecord {
    /// The record a provisional row stands for: only what the list shows, until the decided
    /// alert replaces it.
    init(provisional row: ProvisionalAlert) {
        var members: [JSONMember] = []
        for (key, text) in [
            ("aws.cloudtrail.user_identity.arn", row.actor), ("event.action", row.action),
            ("cloud.account.id", row.account), ("cloud.region", row.region),
        ] where !text.isEmpty {
            members.append(JSONMember(key: key, value: .string(text)))
        }
        self.init(uuid: row.uuid, rule: row.rule, originalTime: row.time, flatJSON: JSONObject(members))
    }
}
