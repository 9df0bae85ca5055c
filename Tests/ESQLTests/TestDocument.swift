import ESQL
import KQL
import Testing
import TrailTriageJSON

/// A source document for tests, from JSON text with nested objects (as ECS documents are).
struct TestDocument: ESQLSource {
    let root: JSONValue

    init(_ json: String) {
        do {
            root = try JSONParser.parse(json)
        } catch {
            fatalError("bad test JSON \(json): \(error)")
        }
    }

    func values(at path: String) -> [JSONValue] {
        var current: [JSONValue] = [root]
        for key in path.split(separator: ".").map(String.init) {
            current = current.flatMap { value -> [JSONValue] in
                let elements = value.arrayValue ?? [value]
                return elements.compactMap { $0[key] }
            }
        }
        return current.flatMap { $0.arrayValue ?? [$0] }
    }

    func kqlValues(at path: String) -> [String] {
        values(at: path).compactMap(\.scalarText)
    }
}

/// Runs a query over documents: prepare each, finish the rows as one run ending at `now`.
func run(_ query: ESQLQuery, _ documents: [String], now: Int64 = 0) -> [ESQLRow] {
    let rows = documents.enumerated().compactMap { index, json in
        query.prepare(TestDocument(json), metadata: ESQLMetadata(id: "doc-\(index)", index: "logs-test"))
    }
    return query.finish(rows, now: now)
}

/// Parses a query, failing the test with the error's caret diagram when it does not parse.
func parse(_ text: String, schema: ESQLSchema = .cloudTrail) throws -> ESQLQuery {
    do {
        return try ESQLQuery.parse(text, schema: schema)
    } catch {
        Issue.record("\(error)\n\(error.caretDiagram(in: text))")
        throw error
    }
}

/// The value of `expression` evaluated on one document (through EVAL, so in the prepare step).
func value(of expression: String, in json: String = "{}", now: Int64 = 0) throws -> ESQLValue {
    let query = try parse("FROM logs-aws.cloudtrail-* | EVAL result = \(expression) | KEEP result")
    let rows = run(query, [json], now: now)
    return rows.first?["result"] ?? .null
}

/// Whether a WHERE condition keeps the document.
func keeps(_ condition: String, _ json: String) throws -> Bool {
    let query = try parse("FROM logs-aws.cloudtrail-* | WHERE \(condition)")
    return !run(query, [json]).isEmpty
}

/// The syntax error a query gives (nil when it parses).
func syntaxError(_ text: String, schema: ESQLSchema = .cloudTrail) -> ESQLSyntaxError? {
    do {
        _ = try ESQLQuery.parse(text, schema: schema)
        return nil
    } catch {
        return error
    }
}

/// Milliseconds of an ISO timestamp, for expectations.
func epoch(_ text: String) -> Int64 {
    guard case .date(let milliseconds) = ESQLValue(iso8601Date: text) else {
        fatalError("bad timestamp \(text)")
    }
    return milliseconds
}
