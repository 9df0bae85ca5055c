import KQL

/// Parses an ES|QL query and checks it against the schema: every column a command reads must exist
/// at that point of the pipeline.
struct ESQLParser {
    let characters: [Character]
    var position = 0
    let schema: ESQLSchema

    /// The columns at the current point of the pipeline, in ES|QL's order.
    var columns: [String]
    /// Names the pipeline created (EVAL, GROK, DISSECT, STATS); everything else is a mapped field.
    var produced: Set<String> = []
    /// Whether names of open field families (flattened payloads) are still columns: until the first
    /// KEEP or STATS.
    var familiesAvailable = true
    /// Mapped fields the query reads from documents.
    var fieldsRead: Set<String> = []
    /// Whether the commands so far all run in the row-by-row prefix.
    var inPrefix = true
    /// Where `KQL()` appears in the command being parsed.
    var kqlPositions: [Int] = []
    /// The command being parsed, for rules that depend on it (KQL only in WHERE).
    var commandName = ""

    init(_ text: String, schema: ESQLSchema) {
        self.characters = Array(text)
        self.schema = schema
        self.columns = schema.fieldNames
    }

    mutating func parseQuery(text: String) throws(ESQLSyntaxError) -> ESQLQuery {
        skipTrivia()
        let fromPosition = position
        guard let first = peekWord() else { throw error("expected FROM") }
        guard first.lowercased() == "from" else {
            throw error("source command \(first.uppercased()) is not supported (only FROM is)", at: fromPosition)
        }
        position += first.count
        let sources = try parseSourcePatterns()
        var metadata: [String] = []
        if acceptKeyword("metadata") {
            repeat {
                skipTrivia()
                let start = position
                guard let name = try parseName(allowingWildcards: false) else {
                    throw error("expected a metadata field")
                }
                guard ESQLMetadata.columnTypes[name] != nil else {
                    throw error("metadata field \(name) is not supported (only _id, _version, _index)", at: start)
                }
                if !metadata.contains(name) { metadata.append(name) }
            } while accept(",")
        }
        columns += metadata
        var commands: [ESQLCommand] = []
        var prefixLength = 0
        var prefixColumns = columns
        while true {
            skipTrivia()
            if atEnd { break }
            guard accept("|") else { throw error("expected \"|\" before the next command") }
            skipTrivia()
            kqlPositions = []
            for command in Self.splittingNow(from: try parseCommand(), inPrefix: inPrefix) {
                let runsInPrefix =
                    inPrefix && command.isRowByRow && !command.expressions.contains { $0.callsNow }
                if !runsInPrefix {
                    inPrefix = false
                    if command.expressions.contains(where: \.callsKQL), let kql = kqlPositions.first {
                        throw error("KQL() is only supported in WHERE before the first STATS or SORT", at: kql)
                    }
                }
                commands.append(command)
                if runsInPrefix {
                    prefixLength += 1
                    prefixColumns = columns
                }
            }
        }
        if commands.isEmpty { throw error("expected at least one command after FROM") }
        let live = Self.liveColumns(after: Array(commands[prefixLength...]), finalColumns: columns)
        let boundary = prefixColumns.filter { live.contains($0) }
        fieldsRead.formUnion(boundary.filter { schema.type(of: $0) != nil && ESQLMetadata.columnTypes[$0] == nil })
        for command in commands {
            for expression in command.expressions {
                for query in expression.kqlQueries { fieldsRead.formUnion(query.fieldNames) }
            }
        }
        return ESQLQuery(
            text: text, schema: schema, sourcePatterns: sources, metadataFields: metadata, commands: commands,
            prefixLength: prefixLength, boundaryLayout: ESQLColumnLayout(boundary), columns: columns,
            fieldsRead: fieldsRead)
    }

    /// A prefix `WHERE` whose condition calls `NOW()` as two: the conjuncts that do not call it, which
    /// stay in the prepared prefix, then those that do. Both keep a row only when every conjunct is
    /// true, so the split changes no result; it lets preparing drop documents early (rules write
    /// `@timestamp >= NOW() - 7 days` beside their field conditions).
    static func splittingNow(from command: ESQLCommand, inPrefix: Bool) -> [ESQLCommand] {
        guard inPrefix, case .filter(let condition) = command, condition.callsNow else { return [command] }
        let conjuncts = condition.conjuncts
        let timeless = conjuncts.filter { !$0.callsNow }
        let timed = conjuncts.filter(\.callsNow)
        guard let free = ESQLExpression.conjunction(timeless), let rest = ESQLExpression.conjunction(timed) else {
            return [command]
        }
        return [.filter(free), .filter(rest)]
    }

    /// The columns of the prefix's rows that the rest of the pipeline needs, working backwards from
    /// the result's columns.
    static func liveColumns(after suffix: [ESQLCommand], finalColumns: [String]) -> Set<String> {
        var live = Set(finalColumns)
        for command in suffix.reversed() {
            switch command {
            case .filter, .sort:
                live.formUnion(command.columnsRead)
            case .eval(let assignments):
                for assignment in assignments.reversed() {
                    live.remove(assignment.name)
                    live.formUnion(assignment.expression.columnsRead)
                }
            case .grok(let input, let pattern):
                live.subtract(pattern.captures.map(\.column))
                live.formUnion(input.columnsRead)
            case .dissect(let input, let pattern):
                live.subtract(pattern.columns)
                live.formUnion(input.columnsRead)
            case .keep(let kept):
                live.formIntersection(kept)
            case .stats(let stats):
                live = stats.columnsRead
            }
        }
        return live
    }

    private mutating func parseSourcePatterns() throws(ESQLSyntaxError) -> [String] {
        var patterns: [String] = []
        repeat {
            skipTrivia()
            if let quoted = try parseString() {
                patterns.append(quoted)
                continue
            }
            var pattern = ""
            while let character = current, !character.isWhitespace, character != ",", character != "|" {
                if character == "/" && (self.character(at: 1) == "/" || self.character(at: 1) == "*") { break }
                pattern.append(character)
                position += 1
            }
            guard !pattern.isEmpty else { throw error("expected an index pattern after FROM") }
            patterns.append(pattern)
        } while accept(",")
        return patterns
    }

    private mutating func parseCommand() throws(ESQLSyntaxError) -> ESQLCommand {
        let start = position
        guard let word = peekWord() else { throw error("expected a command after \"|\"") }
        position += word.count
        commandName = word.uppercased()
        switch commandName {
        case "WHERE":
            return .filter(try parseExpression())
        case "EVAL":
            return .eval(try parseEval())
        case "KEEP":
            return .keep(try parseKeep())
        case "STATS":
            return .stats(try parseStats())
        case "SORT":
            return .sort(try parseSort())
        case "GROK":
            let input = try parseGrokInput()
            skipTrivia()
            let patternStart = position
            guard let text = try parseString() else { throw error("expected a GROK pattern string") }
            let pattern: ESQLGrokPattern
            do {
                pattern = try ESQLGrokPattern(text)
            } catch {
                throw self.error(error.message, at: patternStart)
            }
            add(pattern.captures.map(\.column))
            return .grok(input, pattern)
        case "DISSECT":
            let input = try parseGrokInput()
            skipTrivia()
            let patternStart = position
            guard let text = try parseString() else { throw error("expected a DISSECT pattern string") }
            let pattern: ESQLDissectPattern
            do {
                pattern = try ESQLDissectPattern(text)
            } catch {
                throw self.error(error.message, at: patternStart)
            }
            skipTrivia()
            if let option = peekWord(), option.lowercased() == "append_separator" {
                throw self.error("DISSECT option APPEND_SEPARATOR is not supported")
            }
            add(pattern.columns)
            return .dissect(input, pattern)
        case "LOOKUP":
            throw error("command LOOKUP JOIN is not supported", at: start)
        case "INLINE", "INLINESTATS":
            throw error("command INLINE STATS is not supported", at: start)
        default:
            throw error("command \(commandName) is not supported", at: start)
        }
    }

    /// Adds (or moves to the end) columns a command creates.
    mutating func add(_ names: [String]) {
        let created = Set(names)
        columns.removeAll { created.contains($0) }
        columns += names
        produced.formUnion(names)
    }

    /// Checks a column reference and records it; returns the name or throws "unknown column".
    mutating func resolveColumn(_ name: String, at start: Int) throws(ESQLSyntaxError) -> String {
        if columns.contains(name) {
            if !produced.contains(name) && ESQLMetadata.columnTypes[name] == nil { fieldsRead.insert(name) }
            return name
        }
        if familiesAvailable, !produced.contains(name), schema.type(of: name) != nil {
            columns.append(name)
            fieldsRead.insert(name)
            return name
        }
        if ESQLMetadata.columnTypes[name] != nil {
            throw error("unknown column \(name): add it with FROM … METADATA \(name)", at: start)
        }
        throw error("unknown column \(name)", at: start)
    }

    private mutating func parseGrokInput() throws(ESQLSyntaxError) -> ESQLExpression {
        skipTrivia()
        let start = position
        guard let name = try parseName(allowingWildcards: false) else {
            throw error("expected the column to parse")
        }
        return .column(try resolveColumn(name, at: start))
    }

    private mutating func parseEval() throws(ESQLSyntaxError) -> [(name: String, expression: ESQLExpression)] {
        var assignments: [(name: String, expression: ESQLExpression)] = []
        repeat {
            let (name, expression) = try parseAssignment()
            assignments.append((name, expression))
            add([name])
        } while accept(",")
        return assignments
    }

    /// `name = expression`, or a bare expression named by its own text.
    private mutating func parseAssignment() throws(ESQLSyntaxError) -> (String, ESQLExpression) {
        skipTrivia()
        let start = position
        if let name = try parseName(allowingWildcards: false) {
            skipTrivia()
            if current == "=", character(at: 1) != "=" {
                position += 1
                return (name, try parseExpression())
            }
        }
        position = start
        let expression = try parseExpression()
        return (sourceText(from: start), expression)
    }

    func sourceText(from start: Int) -> String {
        var end = position
        while end > start, characters[end - 1].isWhitespace { end -= 1 }
        return String(characters[start..<end])
    }

    private mutating func parseKeep() throws(ESQLSyntaxError) -> [String] {
        var patterns: [(text: String, start: Int)] = []
        repeat {
            skipTrivia()
            let start = position
            guard let pattern = try parseName(allowingWildcards: true) else { throw error("expected a column name") }
            patterns.append((pattern, start))
        } while accept(",")
        // The winning pattern of each column: an exact name over a partial wildcard over `*`, and the
        // rightmost of equals.
        var winner: [String: Int] = [:]
        var best: [String: Int] = [:]
        for (index, pattern) in patterns.enumerated() {
            if !pattern.text.contains("*") {
                let name = try resolveColumn(pattern.text, at: pattern.start)
                winner[name] = index
                best[name] = 3
                continue
            }
            let wildcard = ESQLWildcardPattern(pattern.text)
            let rank = pattern.text == "*" ? 1 : 2
            var matched = false
            for column in columns where wildcard.matches(column) {
                matched = true
                if (best[column] ?? 0) <= rank {
                    best[column] = rank
                    winner[column] = index
                }
            }
            if !matched { throw error("no column matches \(pattern.text)", at: pattern.start) }
        }
        var kept: [String] = []
        for index in patterns.indices {
            kept += columns.filter { winner[$0] == index }
        }
        for name in kept where !produced.contains(name) && ESQLMetadata.columnTypes[name] == nil {
            fieldsRead.insert(name)
        }
        columns = kept
        familiesAvailable = false
        return kept
    }

    private mutating func parseSort() throws(ESQLSyntaxError) -> [ESQLSortKey] {
        var keys: [ESQLSortKey] = []
        repeat {
            let expression = try parseExpression()
            var descending = false
            if acceptKeyword("desc") {
                descending = true
            } else {
                _ = acceptKeyword("asc")
            }
            var nullsFirst = descending
            if acceptKeyword("nulls") {
                if acceptKeyword("first") {
                    nullsFirst = true
                } else if acceptKeyword("last") {
                    nullsFirst = false
                } else {
                    throw error("expected FIRST or LAST after NULLS")
                }
            }
            keys.append(ESQLSortKey(expression: expression, descending: descending, nullsFirst: nullsFirst))
        } while accept(",")
        return keys
    }
}
