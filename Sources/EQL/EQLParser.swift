/// Reads the EQL subset Elastic's AWS rules use and refuses everything else by name.
///
/// Grammar (keywords are case-sensitive, as in Elasticsearch):
///
///     query     = event | sequence
///     sequence  = "sequence" [ "by" fields ] [ "with" "maxspan" "=" duration ] stage stage { stage }
///                 (the `by` and `with` clauses in either order)
///     stage     = "[" event "]"
///     event     = category "where" condition
///     condition = conjunct { "or" conjunct }
///     conjunct  = negation { "and" negation }
///     negation  = "not" negation | "(" condition ")" | function | field test
///     function  = ( "stringContains" | "startsWith" ) "(" field "," ( string | field ) ")"
///     test      = ( "==" | "!=" ) string | "in" list
///               | ( ":" | "like" | "like~" | "regex" | "regex~" ) ( string | list )
///     list      = "(" string { "," string } ")"
struct EQLParser {
    private let characters: [Character]
    private let tokens: [EQLToken]
    private var index = 0
    private(set) var fieldsRead: Set<String> = []

    init(text: String) throws(EQLSyntaxError) {
        characters = Array(text)
        tokens = try EQLLexer.tokens(of: characters)
    }

    enum Parsed {
        case event(EQLEventFilter)
        case sequence(EQLSequence)
    }

    mutating func parseQuery() throws(EQLSyntaxError) -> Parsed {
        let parsed: Parsed
        switch current.kind {
        case .name("sequence"):
            advance()
            parsed = .sequence(try sequence())
        case .name(let keyword) where ["sample", "join"].contains(keyword):
            throw error("the EQL `\(keyword)` query is not supported", at: current)
        default:
            parsed = .event(try event())
        }
        try expectEnd()
        return parsed
    }

    // MARK: Tokens

    private var current: EQLToken { tokens[index] }

    private mutating func advance() {
        if index < tokens.count - 1 {
            index += 1
        }
    }

    private func error(_ message: String, at token: EQLToken) -> EQLSyntaxError {
        EQLSyntaxError(message, at: token.offset, in: characters)
    }

    private mutating func expect(_ symbol: String, _ context: String) throws(EQLSyntaxError) {
        guard current.kind == .symbol(symbol) else {
            throw error("expected `\(symbol)` \(context), found \(current.quoted)", at: current)
        }
        advance()
    }

    private mutating func expectKeyword(_ keyword: String, _ context: String) throws(EQLSyntaxError) {
        guard current.kind == .name(keyword) else {
            throw error("expected `\(keyword)` \(context), found \(current.quoted)", at: current)
        }
        advance()
    }

    private func expectEnd() throws(EQLSyntaxError) {
        switch current.kind {
        case .end:
            return
        case .symbol("|"):
            var pipe = "|"
            if index + 1 < tokens.count, case .name(let name) = tokens[index + 1].kind {
                pipe += " " + name
            }
            throw error("the EQL pipe `\(pipe)` is not supported", at: current)
        case .name("until"):
            throw error("the sequence clause `until` is not supported", at: current)
        default:
            throw error("unexpected \(current.quoted) after the end of the query", at: current)
        }
    }

    // MARK: Queries

    private static let keywords: Set<String> = [
        "and", "or", "not", "where", "in", "in~", "like", "like~", "regex", "regex~", "sequence", "by", "with",
        "true", "false", "null", "until", "sample", "join",
    ]

    private mutating func event() throws(EQLSyntaxError) -> EQLEventFilter {
        guard case .name(let category) = current.kind, !Self.keywords.contains(category),
            !category.contains("."), !category.hasSuffix("~")
        else {
            if case .string = current.kind {
                throw error("quoted event categories are not supported", at: current)
            }
            throw error("expected an event category such as `any` or `iam`, found \(current.quoted)", at: current)
        }
        advance()
        try expectKeyword("where", "after the event category")
        return EQLEventFilter(category: category, condition: try condition())
    }

    private mutating func sequence() throws(EQLSyntaxError) -> EQLSequence {
        var byFields: [String]?
        var maxspan: Int64?
        var sawWith = false
        while true {
            if current.kind == .name("by"), byFields == nil {
                advance()
                byFields = try fieldList()
            } else if current.kind == .name("with"), !sawWith {
                sawWith = true
                advance()
                maxspan = try maxspanParameter()
            } else {
                break
            }
        }
        var stages: [EQLEventFilter] = []
        while true {
            if current.kind == .symbol("!") {
                throw error("missing-event stages `![…]` are not supported", at: current)
            }
            guard current.kind == .symbol("[") else {
                break
            }
            advance()
            stages.append(try event())
            try expect("]", "to close the sequence stage")
            switch current.kind {
            case .name("by"):
                throw error("a `by` clause on a single sequence stage is not supported", at: current)
            case .name("with"):
                throw error("stage options such as `with runs` are not supported", at: current)
            default:
                break
            }
        }
        guard stages.count >= 2 else {
            throw error("a sequence needs at least two `[…]` stages, found \(current.quoted)", at: current)
        }
        return EQLSequence(byFields: byFields ?? [], maxspanMilliseconds: maxspan, stages: stages)
    }

    private mutating func fieldList() throws(EQLSyntaxError) -> [String] {
        var fields = [try field()]
        while current.kind == .symbol(",") {
            advance()
            fields.append(try field())
        }
        return fields
    }

    private mutating func maxspanParameter() throws(EQLSyntaxError) -> Int64 {
        guard current.kind == .name("maxspan") else {
            throw error("the sequence parameter \(current.quoted) is not supported (only `maxspan`)", at: current)
        }
        advance()
        try expect("=", "after `maxspan`")
        let token = current
        guard case .number(let text) = token.kind else {
            throw error("expected a duration such as `10m` after `maxspan=`, found \(token.quoted)", at: token)
        }
        advance()
        let digits = String(text.prefix { $0.isNumber })
        let unit = String(text.dropFirst(digits.count))
        let unitMilliseconds: Int64
        switch unit {
        case "ms": unitMilliseconds = 1
        case "s": unitMilliseconds = 1000
        case "m": unitMilliseconds = 60_000
        case "h": unitMilliseconds = 3_600_000
        case "d": unitMilliseconds = 86_400_000
        case "":
            throw error("the duration `\(text)` needs a unit (ms, s, m, h or d)", at: token)
        default:
            throw error("the duration unit `\(unit)` is not supported (ms, s, m, h or d)", at: token)
        }
        guard let count = Int64(digits) else {
            throw error("the duration `\(text)` is out of range", at: token)
        }
        let (milliseconds, overflow) = count.multipliedReportingOverflow(by: unitMilliseconds)
        guard !overflow else {
            throw error("the duration `\(text)` is out of range", at: token)
        }
        return milliseconds
    }

    // MARK: Conditions

    private mutating func condition() throws(EQLSyntaxError) -> EQLCondition {
        var alternatives = [try conjunct()]
        while current.kind == .name("or") {
            advance()
            alternatives.append(try conjunct())
        }
        return alternatives.count == 1 ? alternatives[0] : .any(alternatives)
    }

    private mutating func conjunct() throws(EQLSyntaxError) -> EQLCondition {
        var terms = [try negation()]
        while current.kind == .name("and") {
            advance()
            terms.append(try negation())
        }
        return terms.count == 1 ? terms[0] : .all(terms)
    }

    private mutating func negation() throws(EQLSyntaxError) -> EQLCondition {
        let token = current
        switch token.kind {
        case .name("not"):
            advance()
            return .not(try negation())
        case .symbol("("):
            advance()
            let inner = try condition()
            try expect(")", "to close the parenthesis")
            return inner
        case .name(let name) where ["true", "false", "null"].contains(name):
            throw error("the literal `\(name)` is not supported as a condition", at: token)
        case .name(let name) where index + 1 < tokens.count && tokens[index + 1].kind == .symbol("("):
            return try function(named: name, at: token)
        case .name:
            let path = try field()
            return try test(on: path)
        default:
            throw error("expected a condition, found \(token.quoted)", at: token)
        }
    }

    private mutating func field() throws(EQLSyntaxError) -> String {
        let token = current
        guard case .name(let path) = token.kind, !Self.keywords.contains(path), !path.hasSuffix("~") else {
            throw error("expected a field name, found \(token.quoted)", at: token)
        }
        advance()
        fieldsRead.insert(path)
        return path
    }

    private mutating func function(named name: String, at token: EQLToken) throws(EQLSyntaxError) -> EQLCondition {
        guard let function = EQLFieldPairFunction(rawValue: name) else {
            if name.hasSuffix("~") {
                throw error("the case-insensitive function `\(name)` is not supported", at: token)
            }
            throw error("the EQL function `\(name)` is not supported", at: token)
        }
        advance()
        try expect("(", "after `\(name)`")
        let subject = try field()
        try expect(",", "between the arguments of `\(name)`")
        let argumentToken = current
        let result: EQLCondition
        switch argumentToken.kind {
        case .string(let constant):
            advance()
            switch function {
            case .stringContains:
                // Elasticsearch builds the wildcard `*c*` without escaping c, so a `*` in the
                // constant is a wildcard and `\*` a literal star.
                result = .field(
                    subject,
                    .contains(constant.isEmpty ? nil : EQLWildcardPattern("*" + constant + "*", caseInsensitive: false))
                )
            case .startsWith:
                result = .field(subject, .prefix(constant))
            }
        case .name:
            result = .fieldPair(function, subject, try field())
        default:
            throw error(
                "the second argument of `\(name)` must be a string or a field, found \(argumentToken.quoted)",
                at: argumentToken)
        }
        if current.kind == .symbol(",") {
            throw error("`\(name)` takes exactly two arguments", at: current)
        }
        try expect(")", "to close `\(name)(…)`")
        return result
    }

    private mutating func test(on path: String) throws(EQLSyntaxError) -> EQLCondition {
        let token = current
        switch token.kind {
        case .symbol("=="):
            advance()
            return .field(path, .equals([try stringValue(after: "==")]))
        case .symbol("!="):
            // Pushed down as `must_not` of the term, so a missing field passes, as with `not ==`.
            advance()
            return .not(.field(path, .equals([try stringValue(after: "!=")])))
        case .name("in"):
            advance()
            return .field(path, .equals(try stringList(after: "in")))
        case .name("not") where index + 1 < tokens.count && tokens[index + 1].kind == .name("in"):
            throw error("the operator `not in` is not supported; write `not field in (…)`", at: token)
        case .symbol(":"):
            advance()
            let patterns = try stringOrList(after: ":")
            return .field(path, .wildcard(patterns.map { EQLWildcardPattern($0, caseInsensitive: true) }))
        case .name("like"), .name("like~"):
            let insensitive = token.kind == .name("like~")
            advance()
            let patterns = try stringOrList(after: insensitive ? "like~" : "like")
            return .field(path, .wildcard(patterns.map { EQLWildcardPattern($0, caseInsensitive: insensitive) }))
        case .name("regex"), .name("regex~"):
            let insensitive = token.kind == .name("regex~")
            advance()
            let patternToken = current
            let patterns = try stringOrList(after: insensitive ? "regex~" : "regex")
            var regexes: [EQLLuceneRegex] = []
            for pattern in patterns {
                do {
                    regexes.append(try EQLLuceneRegex(pattern, caseInsensitive: insensitive))
                } catch {
                    throw self.error(
                        "\(error.message) (at character \(error.offset + 1) of the regex \"\(pattern)\")",
                        at: patternToken)
                }
            }
            return .field(path, .regex(regexes))
        case .symbol(let symbol) where ["<", "<=", ">", ">="].contains(symbol):
            throw error("the comparison `\(symbol)` is not supported", at: token)
        case .name(let name) where name.hasSuffix("~"):
            throw error("the operator `\(name)` is not supported", at: token)
        case .symbol("="):
            throw error("`=` is not an EQL comparison; use `==` (case-sensitive) or `:`", at: token)
        default:
            throw error(
                "expected a comparison such as `==` or `:` after the field `\(path)`, found \(token.quoted)", at: token)
        }
    }

    private mutating func stringValue(after operatorText: String) throws(EQLSyntaxError) -> String {
        let token = current
        switch token.kind {
        case .string(let text):
            advance()
            return text
        case .number:
            throw error("numeric values are not supported after `\(operatorText)`", at: token)
        case .name(let name) where ["true", "false", "null"].contains(name):
            throw error("the literal `\(name)` is not supported after `\(operatorText)`", at: token)
        case .name:
            throw error("comparing two fields with `\(operatorText)` is not supported", at: token)
        default:
            throw error("expected a string after `\(operatorText)`, found \(token.quoted)", at: token)
        }
    }

    private mutating func stringList(after operatorText: String) throws(EQLSyntaxError) -> [String] {
        try expect("(", "to open the list after `\(operatorText)`")
        var values = [try stringValue(after: operatorText)]
        while current.kind == .symbol(",") {
            advance()
            values.append(try stringValue(after: operatorText))
        }
        try expect(")", "to close the list after `\(operatorText)`")
        return values
    }

    private mutating func stringOrList(after operatorText: String) throws(EQLSyntaxError) -> [String] {
        current.kind == .symbol("(") ? try stringList(after: operatorText) : [try stringValue(after: operatorText)]
    }
}
