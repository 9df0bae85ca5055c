import DetectionRules
import KQL

/// The slot numbers of the cheap fields a scan's rules read, shared by all its rules so each
/// field is extracted at most once per record.
struct CheapFieldSlots: Sendable {
    /// The field of each slot.
    private(set) var fields: [CheapField] = []
    private var slots: [CheapField: Int] = [:]

    /// The slot of a query field, assigning one on first use; `nil` when the field is not cheap.
    mutating func slot(for path: String) -> Int? {
        guard let field = CheapField(path: path) else { return nil }
        if let slot = slots[field] { return slot }
        fields.append(field)
        slots[field] = fields.count - 1
        return fields.count - 1
    }

    func cost(of slot: Int) -> Int {
        fields.indices.contains(slot) ? fields[slot].cost : Int.max
    }
}

/// A rule prepared for judging records on their cheap fields.
struct PartialRule: Sendable {
    let query: KQLPartialQuery
    /// The new-terms fields as slots, when every one of them is cheap; lets a match be recorded
    /// without mapping the record.
    let newTermsSlots: [Int]?

    init(_ rule: CompiledRule, slots: inout CheapFieldSlots) {
        for name in rule.query.fieldNames.sorted() {
            _ = slots.slot(for: name)
        }
        let newTerms = rule.rule.newTerms?.fields.map { slots.slot(for: $0) }
        let known = slots
        query = KQLPartialQuery(rule.query, slot: { known.slotIfAssigned(for: $0) }, cost: known.cost(of:))
        newTermsSlots = newTerms.flatMap { $0.contains(nil) ? nil : $0.compactMap { $0 } }
    }
}

extension CheapFieldSlots {
    func slotIfAssigned(for path: String) -> Int? {
        CheapField(path: path).flatMap { slots[$0] }
    }
}
