/// Reads uap-core's `regexes.yaml` into its three lists of parser entries.
///
/// A small reader rather than a YAML library: it is one file with a fixed, simple shape (three
/// top-level keys, each a list of flat maps whose values are single-quoted strings, plus
/// comments), and a hand-written reader for that subset costs no dependency. Anything outside the
/// subset is reported with its line number instead of being guessed at.
struct UserAgentRegexFile {
    /// One list entry: its keys (`regex`, `family_replacement`, …) and their values.
    typealias Entry = [String: String]

    var userAgentParsers: [Entry] = []
    var osParsers: [Entry] = []
    var deviceParsers: [Entry] = []

    struct FormatError: Error, CustomStringConvertible {
        var line: Int
        var reason: String
        var description: String { "line \(line): \(reason)" }
    }

    init(text: String) throws(FormatError) {
        var section: String?
        var current: Entry?
        var lists: [String: [Entry]] = [:]
        func finish() {
            if let entry = current, let section { lists[section, default: []].append(entry) }
            current = nil
        }
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            let line = rawLine.drop { $0 == " " }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if rawLine.first != " " {
                // A top-level key such as `user_agent_parsers:`.
                guard line.hasSuffix(":") else {
                    throw FormatError(line: lineNumber, reason: "expected a top-level key")
                }
                finish()
                section = String(line.dropLast())
                continue
            }
            var body = line[...]
            if body.hasPrefix("- ") {
                finish()
                current = [:]
                body = body.dropFirst(2)
            }
            guard current != nil, section != nil else {
                throw FormatError(line: lineNumber, reason: "a key outside any list entry")
            }
            guard let colon = body.firstIndex(of: ":") else {
                throw FormatError(line: lineNumber, reason: "expected `key: 'value'`")
            }
            let key = String(body[..<colon])
            let value = try Self.singleQuoted(body[body.index(after: colon)...].drop { $0 == " " }, line: lineNumber)
            current?[key] = value
        }
        finish()
        userAgentParsers = lists["user_agent_parsers"] ?? []
        osParsers = lists["os_parsers"] ?? []
        deviceParsers = lists["device_parsers"] ?? []
    }

    /// A YAML single-quoted scalar: no escapes except `''` for a quote.
    private static func singleQuoted(_ text: Substring, line: Int) throws(FormatError) -> String {
        var trimmed = text
        while trimmed.last == " " || trimmed.last == "\r" { trimmed.removeLast() }
        guard trimmed.count >= 2, trimmed.first == "'", trimmed.last == "'" else {
            throw FormatError(line: line, reason: "expected a single-quoted value")
        }
        return String(trimmed.dropFirst().dropLast()).replacing("''", with: "'")
    }
}
