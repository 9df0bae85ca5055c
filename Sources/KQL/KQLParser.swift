/// A recursive-descent parser for the supported KQL subset.
///
/// Works on an array of `Character`s so error offsets and columns are in the same unit users see.
/// Parsing happens once per rule, so clarity wins over speed here; the evaluator is the hot path.
struct KQLParser {
    let characters: [Character]
    var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    /// `query := or`, surrounded by optional whitespace.
    mutating func parseQuery() throws(KQLSyntaxError) -> KQLExpression {
        skipWhitespace()
        guard !isAtEnd else {
            throw syntaxError("the query is empty", at: 0)
        }
        let expression = try parseOr()
        skipWhitespace()
        guard isAtEnd else {
            throw unexpectedCharacterError(expecting: "'and', 'or' or the end of the query")
        }
        return expression
    }

    /// `or := and (WS+ "or" WS+ and)*`
    mutating func parseOr() throws(KQLSyntaxError) -> KQLExpression {
        var operands = [try parseAnd()]
        while try consumeInfixKeyword("or") {
            operands.append(try parseAnd())
        }
        return operands.count == 1 ? operands[0] : .or(operands)
    }

    /// `and := not (WS+ "and" WS+ not)*`
    mutating func parseAnd() throws(KQLSyntaxError) -> KQLExpression {
        var operands = [try parseNot()]
        while try consumeInfixKeyword("and") {
            operands.append(try parseNot())
        }
        return operands.count == 1 ? operands[0] : .and(operands)
    }

    /// `not := "not" WS+ not | sub`; repeated `not`s are accepted as plain double negation.
    mutating func parseNot() throws(KQLSyntaxError) -> KQLExpression {
        if try consumePrefixNot() {
            return .not(try parseNot())
        }
        return try parseSub()
    }

    /// `sub := "(" WS* or WS* ")" | field WS* ":" WS* values`
    mutating func parseSub() throws(KQLSyntaxError) -> KQLExpression {
        guard current == "(" else {
            return try parseFieldClause()
        }
        let open = position
        position += 1
        skipWhitespace()
        let inner = try parseOr()
        try expectClosingParenthesis(openedAt: open)
        return inner
    }

    mutating func parseFieldClause() throws(KQLSyntaxError) -> KQLExpression {
        let start = position
        guard let first = current else {
            throw syntaxError("expected a field name or '('", at: position)
        }
        if first == "\"" {
            _ = try scanQuoted()
            skipWhitespace()
            let message =
                current == ":"
                ? "quoted field names are not supported"
                : "free-text search is not supported; a quoted value needs a field, as in field: \"value\""
            throw syntaxError(message, at: start)
        }
        if Self.valueTerminators.contains(first) {
            throw unexpectedCharacterError(expecting: "a field name or '('")
        }
        let name = try scanUnquoted()
        if name.isEmpty {
            throw unexpectedCharacterError(expecting: "a field name or '('")
        }
        skipWhitespace()
        guard current == ":" else {
            if current == "<" || current == ">" {
                throw syntaxError(Self.rangeOperatorMessage, at: position)
            }
            throw syntaxError(
                "free-text search is not supported; expected ':' after field name '\(name.text)'", at: start)
        }
        if name.hasWildcard {
            throw syntaxError("wildcard field names are not supported", at: start)
        }
        if name.characters.contains(where: \.isKQLWhitespace) {
            throw syntaxError("field names cannot contain whitespace", at: start)
        }
        position += 1
        skipWhitespace()
        if current == "{" {
            throw syntaxError("nested field queries (field:{…}) are not supported", at: position)
        }
        return .field(name.text, try parseValueNot())
    }

    /// Consumes `")"` after optional whitespace, or explains why it is missing.
    mutating func expectClosingParenthesis(openedAt open: Int) throws(KQLSyntaxError) {
        skipWhitespace()
        guard current == ")" else {
            let opened = KQLSyntaxError("", at: open, in: characters)
            throw unexpectedCharacterError(
                expecting: "')' to close the '(' at line \(opened.line), column \(opened.column)")
        }
        position += 1
    }
}
