import DetectionRules
import TrailTriageJSON
import TriageModel

extension CaseNotesExporter {
    /// A JSON array with one flat object per alert: `kibana.alert.*` (with the current workflow
    /// status), then `triage.*`, then the alert's ECS fields. Written by ``JSONWriter``, which
    /// escapes every control, bidi and zero-width character.
    func json(_ items: [Item]) -> String {
        let objects = items.concurrentMap { JSONValue.object(jsonObject($0)) }
        return JSONWriter(pretty: true).string(from: .array(objects)) + "\n"
    }

    func jsonObject(_ item: Item) -> JSONObject {
        let state = item.state
        let flat = item.record.flatJSON
        var object = JSONObject(flat.members.filter { $0.key.hasPrefix("kibana.") })
        object["kibana.alert.workflow_status"] = .string(state.status.rawValue)
        if state.status == .closed, !state.reason.isEmpty {
            object["kibana.alert.workflow_reason"] = .string(state.reason)
        }
        object["triage.reviewed"] = .bool(state.reviewed)
        object["triage.disposition"] = state.disposition.map { .string($0.rawValue) } ?? .null
        object["triage.reason"] = .string(state.reason)
        object["triage.notes"] = .string(state.notes)
        object["triage.checklist"] = .array(
            item.record.guide.stepKeys.map { key in
                let step = state.step(key)
                return .object([
                    "index": .number(String(key.index)), "title": .string(key.title),
                    "done": .bool(step.isDone), "note": .string(step.note),
                    "details": .array(
                        item.record.guide.details(ofStep: key.index).map { .string(GuideText(markdown: $0).plain) }),
                ])
            })
        object["triage.false_positive_notes"] = .array(
            item.record.guide.falsePositiveNotes.map { .string(GuideText(markdown: $0).plain) })
        object["triage.response_steps"] = .array(
            item.record.guide.responseSteps.map { .string(GuideText(markdown: $0).plain) })
        object["triage.audit"] = .array(
            item.audit.map { entry in
                .object([
                    "analyst": .string(entry.analyst), "time": .string(entry.isoTime),
                    "action": .string(entry.action), "detail": .string(entry.detail),
                ])
            })
        object.members.append(contentsOf: flat.members.filter { !$0.key.hasPrefix("kibana.") })
        return object
    }
}
