import ESQL
import Testing

/// A broad rule keeps a row per event; equal long texts must then be stored once, and sharing
/// must never change a value.
struct ESQLTextInternerTests {
    private func storage(_ value: ESQLValue) -> UnsafeRawPointer? {
        guard case .keyword(let text) = value else { return nil }
        return text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    @Test func equalLongTextsShareOneCopyAndValuesStayTheSame() {
        // Built at run time, so each row starts with its own copy.
        func agent() -> String { ["aws-cli/2.15.0", "Python/3.11.6", "Linux/6.1"].joined(separator: " ") }
        let columns = ["user_agent.original", "user.name", "ips", "n"]
        let values: [ESQLValue] = [
            .keyword(agent()), .keyword("amy"), .multi([.keyword(agent()), .ip("10.0.0.1")]), .integer(3),
        ]
        var first = ESQLRow(columns: columns, values: values)
        var second = ESQLRow(columns: columns, values: values.map { $0 == .keyword(agent()) ? .keyword(agent()) : $0 })
        #expect(storage(first.values[0]) != storage(second.values[0]))
        var interner = ESQLTextInterner()
        interner.share(&first)
        interner.share(&second)
        #expect(first.values == values)
        #expect(second.values == values)
        #expect(storage(first.values[0]) == storage(second.values[0]))
        guard case .multi(let elements) = second.values[2] else {
            Issue.record("the multi-value was changed")
            return
        }
        #expect(storage(elements[0]) == storage(first.values[0]))
    }
}
