import KQL

extension ESQLParser {
    /// `OR` < `AND` < `NOT` < `IN`/`LIKE`/`RLIKE`/`IS NULL` < comparisons < `+ -` < `* / %` < unary `-`.
    mutating func parseExpression() throws(ESQLSyntaxError) -> ESQLExpression {
        var left = try parseAnd()
        while acceptKeyword("or") {
            left = .or(left, try parseAnd())
        }
        return left
    }

    private mutating func parseAnd() throws(ESQLSyntaxError) -> ESQLExpression {
        var left = try parseNot()
        while acceptKeyword("and") {
            left = .and(left, try parseNot())
        }
        return left
    }

    private mutating func parseNot() throws(ESQLSyntaxError) -> ESQLExpression {
        if acceptKeyword("not") { return .not(try parseNot()) }
        return try parsePredicate()
    }

    private mutating func parsePredicate() throws(ESQLSyntaxError) -> ESQLExpression {
        let value = try parseComparison()
        let save = position
        let negated = acceptKeyword("not")
        if acceptKeyword("in") {
            try expect("(", "\"(\" after IN")
            var list: [ESQLExpression] = []
            repeat {
                list.append(try parseExpression())
            } while accept(",")
            try expect(")", "\")\" closing the IN list")
            return .inList(value, list, negated: negated)
        }
        if acceptKeyword("like") {
            return .like(value, ESQLWildcardPattern(try parsePatternString("LIKE")), negated: negated)
        }
        if acceptKeyword("rlike") {
            skipTrivia()
            let start = position
            let pattern = try parsePatternString("RLIKE")
            do {
                return .rlike(value, try ESQLCompiledRegex.lucene(pattern), negated: negated)
            } catch {
                throw self.error(error.message, at: start)
            }
        }
        if !negated, acceptKeyword("is") {
            let isNot = acceptKeyword("not")
            guard acceptKeyword("null") else { throw error("expected NULL after IS") }
            return .isNull(value, negated: isNot)
        }
        position = save
        return value
    }

    private mutating func parsePatternString(_ operation: String) throws(ESQLSyntaxError) -> String {
        skipTrivia()
        if current == "(" { throw error("\(operation) with a list of patterns is not supported") }
        guard let pattern = try parseString() else { throw error("expected a string pattern after \(operation)") }
        return pattern
    }

    private mutating func parseComparison() throws(ESQLSyntaxError) -> ESQLExpression {
        let left = try parseAdditive()
        skipTrivia()
        let start = position
        for (symbol, operation) in [
            ("==", ESQLComparisonOperator.equal), ("!=", .notEqual), ("<=", .lessOrEqual),
            (">=", .greaterOrEqual), ("<", .less), (">", .greater),
        ] where accept(symbol) {
            let right = try parseAdditive()
            try checkNoTimeSpan(left, at: start)
            try checkNoTimeSpan(right, at: start)
            return .comparison(operation, left, right)
        }
        if current == "=" && character(at: 1) == "~" { throw error("the operator =~ is not supported") }
        if current == ":" { throw error("the match operator \":\" is not supported") }
        if current == "=" { throw error("expected \"==\" for a comparison (\"=\" only names columns)") }
        return left
    }

    private func checkNoTimeSpan(_ expression: ESQLExpression, at start: Int) throws(ESQLSyntaxError) {
        if case .timeSpan = expression {
            throw error("a time span can only be added to or subtracted from a date", at: start)
        }
    }

    private mutating func parseAdditive() throws(ESQLSyntaxError) -> ESQLExpression {
        var left = try parseMultiplicative()
        while true {
            skipTrivia()
            let start = position
            let operation: ESQLArithmeticOperator
            if accept("+") {
                operation = .add
            } else if accept("-") {
                operation = .subtract
            } else {
                return left
            }
            let right = try parseMultiplicative()
            if case .timeSpan = left, case .timeSpan = right {
                throw error("adding two time spans is not supported", at: start)
            }
            if case .timeSpan = left, operation == .subtract {
                throw error("a date cannot be subtracted from a time span", at: start)
            }
            left = .arithmetic(operation, left, right)
        }
    }

    private mutating func parseMultiplicative() throws(ESQLSyntaxError) -> ESQLExpression {
        var left = try parseUnary()
        while true {
            skipTrivia()
            let start = position
            let operation: ESQLArithmeticOperator
            if accept("*") {
                operation = .multiply
            } else if current == "/", character(at: 1) != "/", character(at: 1) != "*", accept("/") {
                operation = .divide
            } else if accept("%") {
                operation = .modulo
            } else {
                return left
            }
            let right = try parseUnary()
            try checkNoTimeSpan(left, at: start)
            try checkNoTimeSpan(right, at: start)
            left = .arithmetic(operation, left, right)
        }
    }

    private mutating func parseUnary() throws(ESQLSyntaxError) -> ESQLExpression {
        if accept("-") {
            let inner = try parseUnary()
            switch inner {
            case .literal(.integer(let number)): return .literal(.integer(-number))
            case .literal(.double(let number)): return .literal(.double(-number))
            default: return .negate(inner)
            }
        }
        _ = accept("+")
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(ESQLSyntaxError) -> ESQLExpression {
        skipTrivia()
        let start = position
        guard let character = current else { throw error("expected an expression") }
        if accept("(") {
            let inner = try parseExpression()
            try expect(")", "\")\"")
            return inner
        }
        if let text = try parseString() { return .literal(.keyword(text)) }
        if character.isASCII && character.isNumber { return try parseNumber() }
        if character == "?" { throw error("query parameters are not supported") }
        if let word = peekWord(), self.character(at: word.count) != ".", self.character(at: word.count) != "(" {
            switch word.lowercased() {
            case "true":
                position += word.count
                return .literal(.boolean(true))
            case "false":
                position += word.count
                return .literal(.boolean(false))
            case "null":
                position += word.count
                return .literal(.null)
            default: break
            }
        }
        guard let name = try parseName(allowingWildcards: false) else { throw error("expected an expression") }
        let afterName = position
        skipTrivia()
        if current == "(", !name.contains(".") {
            position += 1
            return try parseCall(name, at: start)
        }
        position = afterName
        return .column(try resolveColumn(name, at: start))
    }

    private mutating func parseNumber() throws(ESQLSyntaxError) -> ESQLExpression {
        let start = position
        var text = ""
        while let character = current, character.isASCII, character.isNumber {
            text.append(character)
            position += 1
        }
        var isDecimal = false
        if current == ".", let next = character(at: 1), next.isASCII, next.isNumber {
            isDecimal = true
            text.append(".")
            position += 1
            while let character = current, character.isASCII, character.isNumber {
                text.append(character)
                position += 1
            }
        }
        if current == "e" || current == "E",
            let next = character(at: 1),
            next.isNumber || ((next == "+" || next == "-") && character(at: 2)?.isNumber == true)
        {
            isDecimal = true
            text.append("e")
            position += 1
            if current == "+" || current == "-", let sign = current {
                text.append(sign)
                position += 1
            }
            while let character = current, character.isASCII, character.isNumber {
                text.append(character)
                position += 1
            }
        }
        if isDecimal {
            guard let number = Double(text) else { throw error("invalid number \(text)", at: start) }
            return .literal(.double(number))
        }
        guard let integer = Int64(text) else {
            return .literal(.double(Double(text) ?? .infinity))
        }
        let afterNumber = position
        skipTrivia()
        if let word = peekWord() {
            let unit = word.lowercased()
            if let milliseconds = Self.timeSpanUnits[unit] {
                position += word.count
                let (span, overflow) = integer.multipliedReportingOverflow(by: milliseconds)
                if overflow { throw error("time span \(text) \(word) is too large", at: start) }
                return .timeSpan(span)
            }
            if Self.calendarUnits.contains(unit) {
                throw error("calendar time spans (\(text) \(word)) are not supported", at: start)
            }
        }
        position = afterNumber
        return .literal(.integer(integer))
    }

    static let timeSpanUnits: [String: Int64] = [
        "millisecond": 1, "milliseconds": 1, "ms": 1,
        "second": 1000, "seconds": 1000, "sec": 1000, "s": 1000,
        "minute": 60_000, "minutes": 60_000, "min": 60_000,
        "hour": 3_600_000, "hours": 3_600_000, "h": 3_600_000,
        "day": 86_400_000, "days": 86_400_000, "d": 86_400_000,
        "week": 604_800_000, "weeks": 604_800_000, "w": 604_800_000,
    ]

    static let calendarUnits: Set<String> = [
        "month", "months", "mo", "quarter", "quarters", "q", "year", "years", "yr", "y",
    ]

    /// DATE_DIFF's unit names (fixed-length units only).
    static let dateDiffUnits: [String: Int64] = [
        "millisecond": 1, "milliseconds": 1, "ms": 1,
        "second": 1000, "seconds": 1000, "ss": 1000, "s": 1000,
        "minute": 60_000, "minutes": 60_000, "mi": 60_000, "n": 60_000,
        "hour": 3_600_000, "hours": 3_600_000, "hh": 3_600_000,
        "day": 86_400_000, "days": 86_400_000, "dd": 86_400_000, "d": 86_400_000,
        "week": 604_800_000, "weeks": 604_800_000, "wk": 604_800_000, "ww": 604_800_000,
    ]

    private mutating func parseCall(_ name: String, at start: Int) throws(ESQLSyntaxError) -> ESQLExpression {
        let upper = name.uppercased()
        if upper == "NOW" {
            try expect(")", "\")\": NOW() takes no arguments")
            return .now
        }
        if upper == "KQL" {
            return try parseKQL(at: start)
        }
        if ESQLAggregateFunction(rawValue: upper) != nil {
            throw error("aggregate function \(upper) can only be used in STATS", at: start)
        }
        guard let function = ESQLScalarFunction(rawValue: upper) else {
            throw error("function \(upper) is not supported", at: start)
        }
        var arguments: [ESQLExpression] = []
        if !accept(")") {
            repeat {
                arguments.append(try parseExpression())
            } while accept(",")
            try expect(")", "\")\" closing \(upper)(")
        }
        guard function.arity.contains(arguments.count) else {
            throw error("\(upper) does not take \(arguments.count) argument(s)", at: start)
        }
        switch function {
        case .dateTrunc:
            guard case .timeSpan = arguments[0] else {
                throw error("DATE_TRUNC needs a time span such as 5 minutes as its first argument", at: start)
            }
        case .dateDiff:
            guard case .literal(.keyword(let unit)) = arguments[0] else {
                throw error("DATE_DIFF needs a unit string such as \"seconds\" as its first argument", at: start)
            }
            guard let milliseconds = Self.dateDiffUnits[unit.lowercased()] else {
                throw error("DATE_DIFF unit \"\(unit)\" is not supported", at: start)
            }
            arguments[0] = .timeSpan(milliseconds)
        default:
            for argument in arguments {
                try checkNoTimeSpan(argument, at: start)
            }
        }
        return .function(function, arguments)
    }

    private mutating func parseKQL(at start: Int) throws(ESQLSyntaxError) -> ESQLExpression {
        guard commandName == "WHERE" else { throw error("KQL() is only supported in WHERE", at: start) }
        kqlPositions.append(start)
        skipTrivia()
        let stringStart = position
        guard let text = try parseString() else { throw error("KQL() takes a query string") }
        try expect(")", "\")\" closing KQL(")
        do {
            return .kql(try KQLQuery.parse(text))
        } catch {
            throw self.error(
                "KQL() query: \(error.message) (at \(error.line):\(error.column) of the KQL)", at: stringStart)
        }
    }
}
