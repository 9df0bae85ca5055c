import EQL

/// An event as flat dotted paths, each with its indexed keyword values.
struct TestDocument: EQLDocument {
    var fields: [String: [String]]

    init(_ fields: [String: [String]]) {
        self.fields = fields
    }

    init(single fields: [String: String]) {
        self.fields = fields.mapValues { [$0] }
    }

    func eqlValues(at path: String) -> [String] {
        fields[path] ?? []
    }
}

/// Parses `query` and evaluates it on one event.
func evaluate(_ query: String, _ fields: [String: [String]], categoryField: String = "event.category") throws
    -> Bool
{
    try EQLQuery.parse(query).matches(TestDocument(fields), categoryField: categoryField)
}

/// Parses `query` and evaluates it on one event whose fields each hold one value.
func evaluate(_ query: String, single fields: [String: String]) throws -> Bool {
    try EQLQuery.parse(query).matches(TestDocument(single: fields))
}
