import Alerts
import DetectionRules
import ECSMapping
import RelatedActivity
import TriageModel

extension CaseNotesExporter {
    /// Every value from a log or an analyst passes through ``MarkdownText`` and is placed after a
    /// fixed prefix this code writes, so untrusted text never starts a line.
    func markdown(_ items: [Item]) -> String {
        var lines: [String] = ["# TrailTriage case notes", ""]
        if items.isEmpty { lines.append("No alerts match.") }
        for section in items.concurrentMap({ markdown($0) }) {
            lines.append(contentsOf: section)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func markdown(_ item: Item) -> [String] {
        let record = item.record
        let state = item.state
        let actor = record.actor
        let source = record.source
        let document = record.document
        let esc = MarkdownText.escaped
        let code = MarkdownText.code
        func optionalCode(_ value: String?) -> String { value.map(code) ?? "not in this event" }

        var lines: [String] = []
        let actorText = (actor.arn ?? record.actorText).map(code) ?? "an unknown actor"
        lines.append("## \(esc(record.rule.name))")
        lines.append("")
        lines.append(
            "\(code(record.actionText ?? record.action)) by \(actorText) at "
                + ECSTimestamp.format(milliseconds: record.originalTime))
        lines.append("")
        lines.append("- **Alert:** \(code(record.uuid))")
        lines.append(
            """
            - **Rule:** \(esc(record.rule.name)) (\(code(record.rule.ruleID))), severity \
            \(esc(record.rule.severity.name)), risk \(record.rule.riskScore)
            """
        )
        for technique in record.mitre {
            lines.append("- **MITRE ATT&CK:** \(esc(technique.line))")
        }
        lines.append("- **Status:** \(state.status.rawValue)" + (state.reviewed ? ", reviewed" : ", not reviewed"))

        lines.append(contentsOf: groupMarkdown(record))

        // A group's document is no one event's: it has no request parameters to show.
        lines.append(contentsOf: record.isGroupAlert ? [] : keyParameterMarkdown(record))

        lines.append("")
        lines.append("### Actor")
        lines.append("")
        lines.append("- **ARN:** \(optionalCode(actor.arn))")
        if let service = actor.invokedBy {
            lines.append("- **Invoked by:** \(code(service))")
        }
        lines.append("- **Identity type:** \(optionalCode(actor.identityType))")
        lines.append("- **Access key:** \(optionalCode(actor.accessKeyID))")
        lines.append("- **Session issuer:** \(optionalCode(actor.sessionIssuerARN))")
        lines.append("- **MFA authenticated:** \(optionalCode(actor.mfaAuthenticated))")
        lines.append("- **User id:** \(optionalCode(actor.userID))")
        if let check = actor.instanceSessionCheck, let explanation = check.explanation {
            lines.append("- **Known false-positive shape:** \(esc(explanation))")
        }

        lines.append("")
        lines.append("### Source")
        lines.append("")
        lines.append("- **IP or address:** \(optionalCode(source.ipOrAddress))")
        if let place = source.place { lines.append("- **Location (GeoIP):** \(code(place))") }
        if let network = source.network { lines.append("- **Network (ASN):** \(code(network))") }
        lines.append("- **User agent:** \(optionalCode(source.userAgent))")
        lines.append("- **Account:** \(optionalCode(document.string(at: "cloud.account.id")))")
        lines.append("- **Region:** \(optionalCode(document.string(at: "cloud.region")))")
        lines.append("- **Outcome:** \(optionalCode(document.string(at: "event.outcome")))")

        lines.append("")
        lines.append("### Related activity")
        lines.append("")
        // The case file's share of related activity, as the store keeps it, so notes written
        // from the console's in-memory alerts and from the stored ones are the same.
        let related = record.caseFileRelatedActivity
        if related.isEmpty { lines.append("- none recorded") }
        for related in related {
            let event = related.event
            let relation = related.relation == .member ? "an event of this alert" : "same " + related.relation.label
            var line =
                """
                - \(ECSTimestamp.format(milliseconds: event.time)) \(code(event.action)) \(code(event.provider)) \
                \(code(event.outcome)) (\(relation))
                """
            if related.isAlertEvent, related.relation != .member { line += " **this alert**" }
            if related.isFollowUp { line += " **follow-up**" }
            lines.append(line)
        }
        if let firstSeen = record.firstSeen {
            lines.append(
                "- First seen doing \(code(firstSeen.action)): \(ECSTimestamp.format(milliseconds: firstSeen.time))")
        }

        lines.append("")
        lines.append("### Checklist")
        lines.append("")
        if record.guide.steps.isEmpty { lines.append("- the rule has no investigation steps") }
        for key in record.guide.stepKeys {
            let step = state.step(key)
            lines.append("- [\(step.isDone ? "x" : " ")] \(key.index + 1)\\. \(esc(key.title))")
            for detail in record.guide.details(ofStep: key.index) {
                lines.append("  - \(MarkdownText.styled(GuideText(markdown: detail)))")
            }
            if !step.note.isEmpty { lines.append("  - Note: \(esc(step.note))") }
        }
        for (heading, notes) in [
            ("False positives", record.guide.falsePositiveNotes), ("Response", record.guide.responseSteps),
        ] where !notes.isEmpty {
            lines += ["", "### \(heading)", ""]
            lines += notes.map { "- " + MarkdownText.styled(GuideText(markdown: $0)) }
        }

        lines.append("")
        lines.append("### Disposition")
        lines.append("")
        if state.status == .closed {
            lines.append("- **Closed as:** \(state.disposition?.label ?? "no disposition")")
            lines.append("- **Reason:** \(state.reason.isEmpty ? "none given" : esc(state.reason))")
        } else {
            lines.append("- not closed (\(state.status.rawValue))")
        }

        lines.append("")
        lines.append("### Notes")
        lines.append("")
        lines.append(contentsOf: state.notes.isEmpty ? ["- none"] : MarkdownText.quoted(state.notes))

        lines.append("")
        lines.append("### Audit trail")
        lines.append("")
        if item.audit.isEmpty { lines.append("- no actions recorded") }
        for entry in item.audit {
            lines.append("- \(entry.isoTime) \(esc(entry.analyst)): \(esc(entry.action)), \(esc(entry.detail))")
        }
        lines.append("")
        return lines
    }

    /// The key request parameters of a one-event alert, and CreateProfile's candidate anchors.
    private func keyParameterMarkdown(_ record: AlertRecord) -> [String] {
        let code = MarkdownText.code
        var lines = ["", "### Key parameters", ""]
        for row in record.keyParameters.rows {
            if row.values.isEmpty {
                lines.append("- **\(row.label):** \(KeyParameterRow.absentText)")
            } else if row.values.count == 1, row.label != "roleArns" {
                lines.append("- **\(row.label):** \(code(row.values[0]))")
            } else {
                lines.append("- **\(row.label):**")
                lines.append(contentsOf: row.values.map { "  - \(code($0))" })
            }
        }
        if !record.keyParameters.trustAnchorArn.isPresent, !record.trustAnchors.isEmpty {
            lines.append("- **Trust anchors in related activity:**")
            for anchor in record.trustAnchors {
                let details = anchor.details
                lines.append(
                    """
                      - \(code(details.arn.isEmpty ? "(no ARN: call failed?)" : details.arn)) name \
                    \(code(details.name)), source \(code(details.sourceType))
                    """
                        + (details.certificateAuthorityARN.isEmpty
                            ? "" : " CA \(code(details.certificateAuthorityARN))")
                        + " (\(anchor.relation.rawValue), \(ECSTimestamp.format(milliseconds: anchor.event.time)))")
            }
        }
        return lines
    }
}
