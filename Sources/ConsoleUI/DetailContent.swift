import Alerts
import RelatedActivity
import TerminalGrid
import TrailTriageJSON
import TriageModel

/// The lines of the detail pane for one alert.
///
/// Order: what the alert is and where triage stands; for an alert about several events (or one
/// step of a sequence) what the group is (``GroupContent``); the key request parameters, always
/// in the same rows and saying so when the event lacks one (not for a group, which is no one
/// event); for CreateProfile the trust anchors found in related activity; the rule's highlighted
/// fields; then actor, source and event facts, the
/// notes and the MITRE mapping.
enum DetailContent {
    static let labelWidth = 16

    static func lines(
        for record: AlertRecord, state: TriageState, draft: String? = nil, indexing: Bool = false,
        sequence: AlertRecord? = nil, localTime: String? = nil, width: Int
    ) -> [StyledLine] {
        let document = record.document
        let parameters = KeyParameters(document: document)
        let actor = ActorSummary(document: document)
        let source = SourceSummary(document: document)
        let severity = record.rule.severity
        var lines: [StyledLine] = []

        lines.append(
            StyledLine([
                Span.untrusted(record.actionText ?? "(no action)", .emphasis), Span(" · "), Span(record.rule.name),
            ]))
        lines.append(
            StyledLine([
                Span(severity.label, severity.style), Span(" \(record.rule.riskScore)  "),
                Span(StatusText.long(state), state.status == .closed ? .success : .normal),
                Span(state.reviewed ? " · reviewed" : " · not reviewed", state.reviewed ? .success : .dim),
            ]))
        if state.status == .closed, !state.reason.isEmpty {
            lines += row("reason", state.reason, width: width, untrusted: true)
        }
        if indexing {
            lines.append(StyledLine(RelatedContent.indexingText + " (A shows it when ready)", .dim))
        }
        let disagreements = record.recheckDisagreements
        if !disagreements.isEmpty {
            lines.append(section("Re-check disagrees with the engine (! in the list)"))
            for disagreement in disagreements {
                lines += wrapped([Span.untrusted(disagreement, .warning)], width: width, indent: 2)
            }
        }

        lines += GroupContent.lines(for: record, sequence: sequence, indexing: indexing, width: width)

        // A group's document is not one event's, so it has no request to show.
        if !record.isGroupAlert {
            lines.append(section("Request parameters"))
            for parameter in parameters.rows {
                if parameter.values.isEmpty {
                    lines += row(parameter.label, nil, width: width)
                } else {
                    for (index, value) in parameter.values.enumerated() {
                        lines += row(
                            index == 0 ? parameter.label : "", value, width: width, untrusted: true,
                            copyLabel: parameter.label)
                    }
                }
            }
        }

        if record.action == "CreateProfile" {
            lines.append(section("Trust anchors (CreateProfile names none; from related activity)"))
            if indexing {
                lines.append(StyledLine("  " + RelatedContent.indexingText, .dim))
            } else if record.trustAnchors.isEmpty {
                lines.append(StyledLine("  none in the loaded data", .dim))
            }
            for anchor in record.trustAnchors {
                let details = anchor.details
                let name = details.name.isEmpty ? "(unnamed)" : details.name
                let source = details.sourceType.isEmpty ? "source unknown" : details.sourceType
                let facts = "\(source) · \(anchor.relation.rawValue) · \(TimeText.dateTime(anchor.event.time))"
                lines += wrapped([Span.untrusted(name, .emphasis), Span(" · " + facts)], width: width, indent: 2)
                lines += row("arn", details.arn.isEmpty ? nil : details.arn, width: width, untrusted: true)
                if !details.certificateAuthorityARN.isEmpty {
                    lines += row("private CA", details.certificateAuthorityARN, width: width, untrusted: true)
                }
            }
        }

        let highlighted = record.highlightedFields
        if !highlighted.isEmpty {
            lines.append(section("Highlighted by the rule"))
            for field in highlighted {
                for (index, value) in field.values.enumerated() {
                    lines += row(
                        index == 0 ? field.field : "", value, width: width, untrusted: true, copyLabel: field.field)
                }
            }
        }

        // A group's document holds only its terms or columns: rows it lacks are left out
        // rather than each saying "not in this event".
        let isGroup = record.isGroupAlert
        func fact(_ label: String, _ value: String?, untrusted: Bool = true) -> [StyledLine] {
            isGroup && value == nil ? [] : row(label, value, width: width, untrusted: untrusted)
        }

        lines.append(section("Actor"))
        if actor.arn == nil, isGroup, let drawn = record.actorText {
            // Drawn from the returned columns or the group's events, and labelled so.
            lines += row(
                record.resultColumns.isEmpty ? "from events" : "from columns", drawn, width: width, untrusted: true)
        } else if actor.arn == nil, let service = actor.invokedBy {
            // AWS service callers have no ARN; the service is who acted.
            lines += row("invoked by", service + " (AWS service)", width: width, untrusted: true)
        } else {
            lines += row("arn", actor.arn, width: width, untrusted: true)
            if let service = actor.invokedBy {
                lines += row("invoked by", service, width: width, untrusted: true)
            }
        }
        lines += fact("identity type", actor.identityType)
        lines += fact("access key", actor.accessKeyID)
        lines += fact("session issuer", actor.sessionIssuerARN)
        lines += fact("MFA", actor.mfaAuthenticated)
        if let session = actor.sessionName {
            lines += row("session name", session, width: width, untrusted: true)
        }

        if !isGroup || source.ipOrAddress != nil || source.userAgent != nil {
            lines.append(section("Source"))
            lines += fact(source.ip != nil ? "ip" : "address", source.ipOrAddress)
            // GeoIP and ASN: shown only when a database found the address.
            if let place = source.place { lines += row("location", place, width: width, untrusted: true) }
            if let network = source.network { lines += row("network", network, width: width, untrusted: true) }
            lines += fact("user agent", source.userAgent)
        }

        lines.append(section("Event"))
        lines += fact("account", flat(record, "cloud.account.id"))
        lines += fact("region", flat(record, "cloud.region"))
        lines += row("time", TimeText.dateTime(record.originalTime) + " UTC", width: width)
        // With local times on (`t`), the local time follows; the UTC one stays as logged.
        if let localTime { lines += row("local time", localTime, width: width) }
        lines += fact("outcome", flat(record, "event.outcome"))
        lines += fact("provider", flat(record, "event.provider"))
        lines += row("alert id", record.uuid, width: width)

        lines.append(section(draft == nil ? "Notes" : "Notes (unsaved draft; m to resume)"))
        let notes = draft ?? state.notes
        if notes.isEmpty {
            lines.append(StyledLine("  none (m to write)", .dim))
        } else {
            for line in TextLayout.wrap(notes, width: max(1, width - 2), newlines: true) {
                lines.append(StyledLine([Span("  "), Span.untrusted(line)]))
            }
        }

        if !record.mitre.isEmpty {
            lines.append(section("MITRE ATT&CK"))
            for technique in record.mitre {
                lines += wrapped([Span(technique.line)], width: width, indent: 2)
            }
        }
        return lines
    }

    /// The lines of a provisional row (see ``ConsoleState/showProvisional(_:states:)``): what
    /// the list shows and why the rest is not there yet.
    static func provisionalLines(for record: AlertRecord, width: Int) -> [StyledLine] {
        let severity = record.rule.severity
        var lines = [
            StyledLine([
                Span.untrusted(record.action.isEmpty ? "(no action)" : record.action, .emphasis),
                Span(" · "), Span(record.rule.name),
            ]),
            StyledLine([Span(severity.label, severity.style), Span(" \(record.rule.riskScore)")]),
        ]
        lines += wrapped(
            [
                Span(
                    "Provisional: the scan is still reading files. The event, triage and related "
                        + "activity open once it has decided the alerts.")
            ], width: width, indent: 0)
        lines.append(section("Event"))
        lines += row("actor", record.actorText, width: width, untrusted: true)
        lines += row("account", flat(record, "cloud.account.id"), width: width, untrusted: true)
        lines += row("region", flat(record, "cloud.region"), width: width, untrusted: true)
        lines += row("time", TimeText.dateTime(record.originalTime) + " UTC", width: width)
        lines += row("alert id", record.uuid, width: width)
        return lines
    }

    static func section(_ title: String) -> StyledLine {
        StyledLine(title, .header)
    }

    /// A labelled value, wrapped under itself; an absent value reads "not in this event". A
    /// present value is a ``DetailField`` the cursor can stand on, named `copyLabel` (else
    /// `label`) when copied.
    static func row(
        _ label: String, _ value: String?, width: Int, untrusted: Bool = false, copyLabel: String? = nil
    ) -> [StyledLine] {
        let indent = String(repeating: " ", count: labelWidth + 3)
        let room = width - labelWidth - 3
        let shown = value ?? KeyParameterRow.absentText
        // A label longer than its column (a rule's highlighted field, `aws.cloudtrail.…`) is
        // never cut: it takes the cells it needs when the value still fits beside it, else it
        // has a line of its own with the value under it.
        let labelCells = TextLayout.width(of: label)
        var lines: [StyledLine] = []
        var prefix = "  " + TextLayout.fit(label, labelWidth) + " "
        if labelCells > labelWidth {
            if 2 + labelCells + 1 + TextLayout.width(of: shown) <= width {
                prefix = "  " + label + " "
            } else {
                lines.append(StyledLine([Span("  " + label, .dim)]))
                prefix = indent
            }
        }
        guard let value else {
            return lines + [StyledLine([Span(prefix, .dim), Span(KeyParameterRow.absentText, .dim)])]
        }
        // A wide label is beside its value only when the whole value fits there.
        let besideWideLabel = TextLayout.width(of: prefix) > labelWidth + 3
        let pieces = room >= 8 && !besideWideLabel ? TextLayout.wrap(value, width: room) : [value]
        let style: StyleRole = untrusted && TextLayout.needsEscaping(value) ? .escaped : .normal
        let field = DetailField(label: copyLabel ?? label, value: value)
        return lines
            + pieces.enumerated().map { index, piece in
                var part = field
                part.continues = index > 0
                return StyledLine([Span(index == 0 ? prefix : indent, .dim), Span(piece, style)], field: part)
            }
    }

    /// Spans joined and wrapped as prose with a hanging indent; the first span's style is kept
    /// only on the first line.
    static func wrapped(_ spans: [Span], width: Int, indent: Int) -> [StyledLine] {
        let text = spans.map(\.text).joined()
        let pieces = TextLayout.wrap(text, width: max(1, width - indent))
        let pad = String(repeating: " ", count: indent)
        if pieces.count == 1 { return [StyledLine([Span(pad)] + spans)] }
        return pieces.map { StyledLine([Span(pad), Span.untrusted($0)]) }
    }

    static func flat(_ record: AlertRecord, _ key: String) -> String? {
        guard let value = record.flatJSON[key] else { return nil }
        let text = AlertRow.text(value)
        return text.isEmpty ? nil : text
    }
}

/// Status words for the list and the detail pane.
enum StatusText {
    /// Twelve cells at most: `open`, `acknowledged`, `closed FP`.
    static func short(_ state: TriageState) -> String {
        switch state.status {
        case .open: return "open"
        case .acknowledged: return "acknowledged"
        case .closed:
            switch state.disposition {
            case .truePositive?: return "closed TP"
            case .benignTruePositive?: return "closed BTP"
            case .falsePositive?: return "closed FP"
            case nil: return "closed"
            }
        }
    }

    /// Cells ``short(_:)`` takes, without building the text.
    static func shortWidth(_ state: TriageState) -> Int {
        switch state.status {
        case .open: return 4
        case .acknowledged: return 12
        case .closed:
            switch state.disposition {
            case .truePositive?, .falsePositive?: return 9
            case .benignTruePositive?: return 10
            case nil: return 6
            }
        }
    }

    /// `closed as false positive`.
    static func long(_ state: TriageState) -> String {
        switch state.status {
        case .open: return "open"
        case .acknowledged: return "acknowledged"
        case .closed: return state.disposition.map { "closed as " + $0.label } ?? "closed"
        }
    }
}

extension ConsoleState {
    /// The selected alert's detail lines as the detail pane draws them (with any unsaved note
    /// draft), so scrolling limits and drawing always agree; `nil` when nothing is selected.
    func detailLines(in pane: Rect) -> [StyledLine]? {
        guard let record = selectedRecord, let triage = selectedState else { return nil }
        if isProvisional { return DetailContent.provisionalLines(for: record, width: pane.width - 1) }
        return DetailContent.lines(
            for: record, state: triage, draft: drafts[record.uuid], indexing: isIndexingRelatedActivity,
            sequence: sequenceAlert(of: record),
            localTime: timeDisplay == .local
                ? TimeText.dateTime(displayedTime(record.originalTime)) + " " + localTimeZone.name : nil,
            width: pane.width - 1)
    }
}
