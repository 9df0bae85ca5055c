/// One copy of each long text a scan's prepared rows hold.
///
/// A broad rule keeps a row for most events, and the same few hundred access keys, user names,
/// user agents and AS organisations fill them: without sharing, each row holds its own copy of
/// each. Texts of up to 15 bytes are stored inside the value itself and are left alone.
public struct ESQLTextInterner: Sendable {
    private var texts: Set<String> = []

    public init() {}

    /// Replaces the row's long keyword and ip texts with the copies seen before.
    public mutating func share(_ row: inout ESQLRow) {
        for index in row.values.indices {
            switch row.values[index] {
            case .keyword(let text) where text.utf8.count > 15:
                row.values[index] = .keyword(shared(text))
            case .ip(let text) where text.utf8.count > 15:
                row.values[index] = .ip(shared(text))
            case .multi(let elements):
                row.values[index] = .multi(
                    elements.map { element in
                        if case .keyword(let text) = element, text.utf8.count > 15 { return .keyword(shared(text)) }
                        return element
                    })
            default:
                continue
            }
        }
    }

    private mutating func shared(_ text: String) -> String {
        let (inserted, member) = texts.insert(text)
        return inserted ? text : member
    }
}
