import Foundation
import TestSupport

/// The document fields Elastic's upstream AWS rules read, collected from the rule files in
/// `../shared/corpus/elastic-detection-rules-aws` at test time (the rules are never copied here).
///
/// Fields come from the query text of every rule type (KQL, EQL and ES|QL name fields the same
/// dotted way, ES|QL sometimes in backquotes), and from the `new_terms` and `threshold` field lists.
struct RuleFieldCatalog {
    static let folder = RepositoryPaths.root + "/../shared/corpus/elastic-detection-rules-aws"
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: folder) }

    /// Field → the rule files that read it.
    private(set) var readers: [String: Set<String>] = [:]

    /// Top-level names of the document; a dotted word starting elsewhere (`Esql.x`, a function
    /// name, a domain in a string) is not a document field.
    static let roots: Set<String> = [
        "aws", "event", "user", "source", "cloud", "related", "entity", "user_agent", "tls", "host",
        "service", "data_stream", "target", "actor", "group",
    ]

    static func load() throws -> RuleFieldCatalog {
        var catalog = RuleFieldCatalog()
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".toml") else { continue }
            let text = try String(contentsOfFile: folder + "/" + relative, encoding: .utf8)
            let name = (relative as NSString).lastPathComponent
            for field in fields(ofRuleText: text) {
                catalog.readers[field, default: []].insert(name)
            }
        }
        return catalog
    }

    /// The fields of one rule file's text.
    static func fields(ofRuleText text: String) -> Set<String> {
        var found = Set<String>()
        for query in tripleQuoted(after: "query", in: text) {
            found.formUnion(dottedNames(in: query))
        }
        // new_terms `value = [...]`, threshold `field = [...]` and cardinality `field = "..."`.
        for line in text.split(separator: "\n") where line.hasPrefix("value = [") || line.hasPrefix("field = ") {
            found.formUnion(quotedStrings(in: String(line)).filter(isField))
        }
        return found
    }

    static func isField(_ text: String) -> Bool {
        guard let dot = text.firstIndex(of: ".") else { return text == "@timestamp" }
        return roots.contains(String(text[..<dot]))
    }

    /// The bodies of `key = '''…'''` / `key = """…"""` strings.
    static func tripleQuoted(after key: String, in text: String) -> [String] {
        var bodies: [String] = []
        for quote in ["'''", "\"\"\""] {
            var rest = text[...]
            while let start = rest.range(of: "\n\(key) = \(quote)") {
                let body = rest[start.upperBound...]
                guard let end = body.range(of: quote) else { break }
                bodies.append(String(body[..<end.lowerBound]))
                rest = body[end.upperBound...]
            }
        }
        return bodies
    }

    /// Dotted identifiers whose first segment is a document root, minus a trailing `*`.
    static func dottedNames(in query: String) -> Set<String> {
        var names = Set<String>()
        let characters = Array(query)
        var index = 0
        func isNameCharacter(_ character: Character) -> Bool {
            character.isLetter || character.isNumber || "_.@-".contains(character)
        }
        while index < characters.count {
            guard isNameCharacter(characters[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < characters.count, isNameCharacter(characters[index]) { index += 1 }
            // A word glued to a quote, a backslash or a pattern is inside a value, and a word after
            // `:` is a KQL value (`event.dataset: aws.cloudtrail`), not a field name.
            if start > 0, "\"\\*/:?{".contains(characters[start - 1]) { continue }
            if let previous = characters[..<start].last(where: { $0 != " " }), previous == ":" { continue }
            var word = String(characters[start..<index])
            while word.hasSuffix(".") { word.removeLast() }
            if isField(word), word.contains(".") { names.insert(word) }
        }
        return names
    }

    static func quotedStrings(in text: String) -> [String] {
        text.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }
}
