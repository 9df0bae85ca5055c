import KQL

/// A flat test document: each dotted path maps straight to its indexed values.
struct TestDocument: KQLDocument, Sendable, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    var fields: [String: [String]]

    init(_ fields: [String: [String]]) {
        self.fields = fields
    }

    init(dictionaryLiteral elements: (String, [String])...) {
        self.init(Dictionary(elements, uniquingKeysWith: +))
    }

    func kqlValues(at path: String) -> [String] {
        fields[path] ?? []
    }

    var description: String {
        fields.isEmpty ? "{}" : String(describing: fields.sorted { $0.key < $1.key })
    }
}

/// Parses a query the tests expect to be valid; a thrown error fails the calling test.
func parsed(_ text: String) throws -> KQLQuery {
    try KQLQuery.parse(text)
}
