extension KQLParser {
    /// `vnot := "not" WS+ vnot | values`
    ///
    /// Also used directly after `field:`, which is how `field: not v` is accepted.
    mutating func parseValueNot() throws(KQLSyntaxError) -> KQLValueExpression {
        if try consumePrefixNot() {
            return .not(try parseValueNot())
        }
        return try parseValueGroup()
    }

    /// `values := "(" WS* vor WS* ")" | value`
    mutating func parseValueGroup() throws(KQLSyntaxError) -> KQLValueExpression {
        guard current == "(" else {
            return .test(try parseValue())
        }
        let open = position
        position += 1
        skipWhitespace()
        let inner = try parseValueOr()
        try expectClosingParenthesis(openedAt: open)
        return inner
    }

    /// `vor := vand (WS+ "or" WS+ vand)*`
    mutating func parseValueOr() throws(KQLSyntaxError) -> KQLValueExpression {
        var operands = [try parseValueAnd()]
        while try consumeInfixKeyword("or") {
            operands.append(try parseValueAnd())
        }
        return operands.count == 1 ? operands[0] : .or(operands)
    }

    /// `vand := vnot (WS+ "and" WS+ vnot)*`
    mutating func parseValueAnd() throws(KQLSyntaxError) -> KQLValueExpression {
        var operands = [try parseValueNot()]
        while try consumeInfixKeyword("and") {
            operands.append(try parseValueNot())
        }
        return operands.count == 1 ? operands[0] : .and(operands)
    }

    /// `value := QUOTED | UNQUOTED`
    mutating func parseValue() throws(KQLSyntaxError) -> KQLValueTest {
        guard let first = current else {
            throw syntaxError("expected a value", at: position)
        }
        if first == "\"" {
            // Quoted values are never wildcards: a `*` inside quotes is a literal star.
            return .exact(KQLExactValue(try scanQuoted()))
        }
        if first == "{" {
            throw syntaxError("nested field queries (field:{…}) are not supported", at: position)
        }
        if Self.valueTerminators.contains(first) {
            throw unexpectedCharacterError(expecting: "a value")
        }
        let literal = try scanUnquoted()
        if literal.isEmpty {
            throw unexpectedCharacterError(expecting: "a value")
        }
        return literal.valueTest
    }
}
