extension ESQLParser {
    mutating func parseStats() throws(ESQLSyntaxError) -> ESQLStats {
        var aggregates: [ESQLAggregate] = []
        skipTrivia()
        if !atCommandEnd && !peekKeyword("by") {
            repeat {
                aggregates.append(try parseAggregate())
            } while accept(",")
        }
        var groups: [(name: String, expression: ESQLExpression)] = []
        if acceptKeyword("by") {
            repeat {
                skipTrivia()
                let start = position
                var name: String?
                if let candidate = try parseName(allowingWildcards: false) {
                    skipTrivia()
                    if current == "=", character(at: 1) != "=" {
                        position += 1
                        name = candidate
                    } else {
                        position = start
                    }
                }
                let expression = try parseExpression()
                if case .column(let column) = expression, name == nil {
                    name = column
                }
                groups.append((name ?? sourceText(from: start), expression))
            } while accept(",")
        }
        if aggregates.isEmpty && groups.isEmpty { throw error("STATS needs an aggregate or a BY clause") }
        skipTrivia()
        if !atCommandEnd { throw error("unexpected text in STATS") }
        var output: [String] = []
        for name in aggregates.map(\.name) + groups.map(\.name) {
            output.removeAll { $0 == name }
            output.append(name)
        }
        columns = output
        produced.formUnion(output)
        familiesAvailable = false
        return ESQLStats(aggregates: aggregates, groups: groups)
    }

    var atCommandEnd: Bool {
        atEnd || current == "|"
    }

    private mutating func parseAggregate() throws(ESQLSyntaxError) -> ESQLAggregate {
        skipTrivia()
        var start = position
        var name: String?
        if let candidate = try parseName(allowingWildcards: false) {
            skipTrivia()
            if current == "=", character(at: 1) != "=" {
                position += 1
                name = candidate
                skipTrivia()
                start = position
            } else {
                position = start
            }
        }
        guard let functionName = peekWord(),
            character(at: functionName.count) == "(" || nextIsParenthesis(after: functionName)
        else {
            throw error("STATS supports only aggregate calls such as COUNT(*) or VALUES(field)", at: start)
        }
        let upper = functionName.uppercased()
        guard let function = ESQLAggregateFunction(rawValue: upper) else {
            throw error("aggregate function \(upper) is not supported", at: start)
        }
        position += functionName.count
        try expect("(", "\"(\"")
        var argument: ESQLExpression?
        if accept("*") {
            guard function == .count else { throw error("only COUNT takes *", at: start) }
        } else if !peekClosingParenthesis() {
            argument = try parseExpression()
        } else if function != .count {
            throw error("\(upper) needs an argument", at: start)
        }
        try expect(")", "\")\" closing \(upper)(")
        let callText = sourceText(from: start)
        var filter: ESQLExpression?
        if acceptKeyword("where") {
            filter = try parseExpression()
        }
        skipTrivia()
        if !(atCommandEnd || current == "," || peekKeyword("by")) {
            throw error("STATS supports only a single aggregate call per column (no expressions around it)")
        }
        return ESQLAggregate(name: name ?? callText, function: function, argument: argument, filter: filter)
    }

    private func nextIsParenthesis(after word: String) -> Bool {
        var copy = self
        copy.position += word.count
        copy.skipTrivia()
        return copy.current == "("
    }

    private func peekClosingParenthesis() -> Bool {
        var copy = self
        copy.skipTrivia()
        return copy.current == ")"
    }
}
