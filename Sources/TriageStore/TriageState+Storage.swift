import TrailTriageJSON
import TriageModel

/// The checklist column's JSON form: `[{"index":0,"title":"…","done":true,"note":"…"}]`.
extension TriageState {
    var checklistJSON: String {
        JSONWriter().string(
            from: .array(
                checklist.map { step in
                    .object([
                        "index": .number(String(step.key.index)), "title": .string(step.key.title),
                        "done": .bool(step.isDone), "note": .string(step.note),
                    ])
                }))
    }

    static func checklist(fromJSON text: String) -> [ChecklistStep] {
        guard let parsed = try? JSONParser.parse(text), let entries = parsed.arrayValue else { return [] }
        return entries.compactMap { entry in
            guard let index = entry["index"]?.scalarText.flatMap({ Int($0) }) else { return nil }
            return ChecklistStep(
                key: StepKey(index: index, title: entry["title"]?.stringValue ?? ""),
                isDone: entry["done"]?.boolValue ?? false, note: entry["note"]?.stringValue ?? ""
            )
        }
    }
}
