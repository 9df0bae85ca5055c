import FuzzSupport
import KQL

/// A document given as `field=value` lines.
struct LineDocument: KQLDocument {
    var values: [String: [String]] = [:]

    init(_ text: Substring) {
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals]), default: []].append(String(line[line.index(after: equals)...]))
        }
    }

    func kqlValues(at path: String) -> [String] {
        values[path] ?? []
    }
}

/// Input: a query, then optionally a NUL byte and a document as `field=value` lines. The parser
/// must reject or accept without crashing; an accepted query's rendering parses again and decides
/// the document the same way; and the prefilter is sound: when the query matches the document,
/// the document holds one of the values the prefilter requires.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKQL(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    let parts = text.split(separator: "\0", maxSplits: 1, omittingEmptySubsequences: false)
    guard let query = try? KQLQuery.parse(String(parts[0])) else { return 0 }
    let document = LineDocument(parts.count > 1 ? parts[1] : "")
    let matched = query.matches(document)

    let rendering = query.description
    let reparsed = try? KQLQuery.parse(rendering)
    fuzzCheck(reparsed != nil, "the rendering \(rendering) of an accepted query does not parse")
    fuzzCheck(reparsed?.matches(document) == matched, "the rendering \(rendering) decides differently")

    guard matched else { return 0 }
    for field in Set(document.values.keys).union(["event.action", "event.provider", "a", "b"]) {
        guard let required = query.requiredExactValues(for: field) else { continue }
        fuzzCheck(
            document.kqlValues(at: field).contains(where: required.contains),
            "prefilter for \(field) requires \(required) but the query matched without them"
        )
    }
    return 0
}

runFuzzer(fuzzKQL)
