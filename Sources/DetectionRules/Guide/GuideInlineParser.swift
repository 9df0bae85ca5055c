/// Resolves the inline Markdown guides use (emphasis, strong, code spans, links, autolinks,
/// backslash escapes) into styled runs; a small subset of CommonMark's inline rules, enough
/// for the guides upstream and ours.
///
/// Works on Unicode scalars, as CommonMark does: a backtick followed by a combining mark is
/// still a backtick.
struct GuideInlineParser {
    typealias Run = GuideText.Run
    typealias Style = GuideText.Style

    private let scalars: [Unicode.Scalar]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    func parse() -> [Run] {
        Self.merged(parse(scalars.startIndex, scalars.endIndex, style: []))
    }

    private func parse(_ start: Int, _ end: Int, style: Style) -> [Run] {
        var runs: [Run] = []
        var plain = String.UnicodeScalarView()
        func flush() {
            guard !plain.isEmpty else { return }
            runs += Self.markingFields(in: String(plain), style: style)
            plain = String.UnicodeScalarView()
        }
        var index = start
        while index < end {
            let scalar = scalars[index]
            if scalar == "\\", index + 1 < end, Self.escapable.contains(scalars[index + 1]) {
                plain.append(scalars[index + 1])
                index += 2
            } else if scalar == "`" {
                let width = runLength(at: index, end: end)
                if let close = closingBackticks(from: index + width, width: width, end: end) {
                    flush()
                    let content = codeContent(index + width, close)
                    let fieldStyle: Style = Self.isFieldName(content, anyRoot: true) ? [.code, .field] : [.code]
                    runs.append(Run(content, style.union(fieldStyle)))
                    index = close + width
                } else {
                    // A stray backtick is a typo in the guide, not text the analyst needs.
                    index += width
                }
            } else if scalar == "*" || scalar == "_", let (close, width) = closingDelimiter(at: index, end: end) {
                flush()
                runs += parse(index + width, close, style: style.union(width >= 2 ? .strong : .emphasis))
                index = close + width
            } else if scalar == "[", let link = link(at: index, end: end) {
                flush()
                runs += parse(index + 1, link.textEnd, style: style.union(.link))
                if !link.address.isEmpty { runs.append(Run(" (" + link.address + ")", style.union(.address))) }
                index = link.end
            } else if scalar == "<", let (address, next) = autolink(at: index, end: end) {
                flush()
                runs.append(Run(address, style.union(.address)))
                index = next
            } else {
                plain.append(scalar)
                index += 1
            }
        }
        flush()
        return runs
    }

    private func runLength(at index: Int, end: Int) -> Int {
        var next = index
        while next < end, scalars[next] == scalars[index] { next += 1 }
        return next - index
    }

    private func closingBackticks(from start: Int, width: Int, end: Int) -> Int? {
        var index = start
        while index < end {
            guard scalars[index] == "`" else {
                index += 1
                continue
            }
            let length = runLength(at: index, end: end)
            if length == width { return index }
            index += length
        }
        return nil
    }

    /// A code span's text: one space stripped from each side when both sides have one.
    private func codeContent(_ start: Int, _ end: Int) -> String {
        var content = scalars[start..<end]
        if content.count >= 2, content.first == " ", content.last == " ", content.contains(where: { $0 != " " }) {
            content = content.dropFirst().dropLast()
        }
        return String(String.UnicodeScalarView(content))
    }

    /// For a `*`/`_` run that can open emphasis, where its partner starts and how many markers
    /// pair (2 for strong, 1 for emphasis). Code spans are skipped while searching, so a marker
    /// inside code never closes anything.
    private func closingDelimiter(at index: Int, end: Int) -> (Int, Int)? {
        let marker = scalars[index]
        let length = runLength(at: index, end: end)
        let width = min(length, 2)
        let after = index + length
        guard after < end, !scalars[after].properties.isWhitespace else { return nil }
        if marker == "_", index > 0, Self.isWordScalar(scalars[index - 1]) { return nil }
        var search = after
        while search < end {
            let scalar = scalars[search]
            if scalar == "`" {
                let ticks = runLength(at: search, end: end)
                search =
                    closingBackticks(from: search + ticks, width: ticks, end: end).map { $0 + ticks } ?? search + ticks
                continue
            }
            guard scalar == marker else {
                search += 1
                continue
            }
            let closeLength = runLength(at: search, end: end)
            let afterClose = search + closeLength
            let precededBySpace = scalars[search - 1].properties.isWhitespace
            let wordFollows = marker == "_" && afterClose < end && Self.isWordScalar(scalars[afterClose])
            if closeLength >= width, !precededBySpace, !wordFollows {
                return (search + closeLength - width, width)
            }
            search = afterClose
        }
        return nil
    }

    private func link(at index: Int, end: Int) -> (textEnd: Int, address: String, end: Int)? {
        var depth = 0
        var close: Int?
        var search = index
        while search < end {
            if scalars[search] == "\\" {
                search += 2
                continue
            }
            if scalars[search] == "[" { depth += 1 }
            if scalars[search] == "]" {
                depth -= 1
                if depth == 0 {
                    close = search
                    break
                }
            }
            search += 1
        }
        guard let textEnd = close, textEnd + 1 < end, scalars[textEnd + 1] == "(" else { return nil }
        guard let addressEnd = (textEnd + 2..<end).first(where: { scalars[$0] == ")" }) else { return nil }
        var address = String(String.UnicodeScalarView(scalars[(textEnd + 2)..<addressEnd]))
        // `[text](url "title")`: the title is a tooltip, not part of the address.
        if let space = address.firstIndex(of: " ") { address = String(address[..<space]) }
        if address.hasPrefix("<"), address.hasSuffix(">") { address = String(address.dropFirst().dropLast()) }
        return (textEnd, address, addressEnd + 1)
    }

    private func autolink(at index: Int, end: Int) -> (String, Int)? {
        guard let close = (index + 1..<end).first(where: { scalars[$0] == ">" || scalars[$0] == " " }),
            scalars[close] == ">"
        else { return nil }
        let address = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
        guard address.hasPrefix("http://") || address.hasPrefix("https://") || address.hasPrefix("mailto:") else {
            return nil
        }
        return (address, close + 1)
    }

    /// CommonMark's backslash escapes: any ASCII punctuation.
    private static let escapable = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    // MARK: Field names

    /// Top-level ECS names that make a bare dotted word a field name; "e.g." and "v1.2" are not.
    private static let fieldRoots: Set<Substring> = [
        "agent", "aws", "client", "cloud", "container", "data_stream", "destination", "dns", "ecs", "error",
        "event", "file", "geo", "host", "http", "kibana", "network", "observer", "organization", "process",
        "related", "rule", "server", "service", "signal", "source", "threat", "tls", "url", "user", "user_agent",
        "Esql",
    ]

    private static func isFieldScalar(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil))
            || scalar == "_" || scalar == "." || scalar == "@" || scalar == "*"
    }

    /// Whether `text` is a dotted field name. Code spans may name any field (`requestParameters.roleArn`);
    /// bare words must start with an ECS root.
    static func isFieldName(_ text: String, anyRoot: Bool) -> Bool {
        guard !text.isEmpty, text.unicodeScalars.allSatisfy(isFieldScalar) else { return false }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty }) else { return false }
        guard let first = parts.first?.unicodeScalars.first, first.properties.isAlphabetic || first == "@" else {
            return false
        }
        if parts.contains(where: { $0.allSatisfy(\.isNumber) }) { return false }
        return anyRoot || fieldRoots.contains(parts[0])
    }

    /// Splits plain text so bare field names become runs of their own.
    static func markingFields(in text: String, style: Style) -> [Run] {
        var runs: [Run] = []
        var pending = String.UnicodeScalarView()
        var word = String.UnicodeScalarView()
        func endWord() {
            var candidate = String(word)
            var leading = ""
            var trailing = ""
            while candidate.hasPrefix("*") { leading.append(candidate.removeFirst()) }
            while candidate.hasSuffix(".") || candidate.hasSuffix("*") {
                trailing = String(candidate.removeLast()) + trailing
            }
            if isFieldName(candidate, anyRoot: false) {
                pending.append(contentsOf: leading.unicodeScalars)
                if !pending.isEmpty { runs.append(Run(String(pending), style)) }
                runs.append(Run(candidate, style.union(.field)))
                pending = String.UnicodeScalarView(trailing.unicodeScalars)
            } else {
                pending.append(contentsOf: word)
            }
            word = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if isFieldScalar(scalar) {
                word.append(scalar)
            } else {
                endWord()
                pending.append(scalar)
            }
        }
        endWord()
        if !pending.isEmpty { runs.append(Run(String(pending), style)) }
        return runs
    }

    /// Joins neighbours of one style, so renderers and tests see whole phrases.
    static func merged(_ runs: [Run]) -> [Run] {
        var result: [Run] = []
        for run in runs where !run.text.isEmpty {
            if let last = result.last, last.style == run.style {
                result[result.count - 1].text += run.text
            } else {
                result.append(run)
            }
        }
        return result
    }
}
