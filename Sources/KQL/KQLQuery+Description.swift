extension KQLQuery: CustomStringConvertible {
    /// A normalised rendering of the parsed query, for diagnostics.
    ///
    /// Every compound operand is parenthesised, so the rendering shows how precedence was applied:
    /// `a: 1 or b: 2 and c: 3` renders as `a: "1" or (b: "2" and c: "3")`. Exact values are
    /// always quoted; wildcard values are written unquoted with literal stars escaped.
    public var description: String {
        root.kqlDescription
    }
}

extension KQLExpression {
    var kqlDescription: String {
        switch self {
        case .or(let operands):
            return operands.map(\.parenthesisedDescription).joined(separator: " or ")
        case .and(let operands):
            return operands.map(\.parenthesisedDescription).joined(separator: " and ")
        case .not(let operand):
            return "not " + operand.parenthesisedDescription
        case .field(let name, let values):
            return name + ": " + values.kqlDescription
        }
    }

    private var parenthesisedDescription: String {
        switch self {
        case .or, .and:
            return "(" + kqlDescription + ")"
        case .not, .field:
            return kqlDescription
        }
    }
}

extension KQLValueExpression {
    var kqlDescription: String {
        switch self {
        case .or(let operands):
            return "(" + operands.map(\.kqlDescription).joined(separator: " or ") + ")"
        case .and(let operands):
            return "(" + operands.map(\.kqlDescription).joined(separator: " and ") + ")"
        case .not(let operand):
            return "not " + operand.kqlDescription
        case .test(.exists):
            return "*"
        case .test(.exact(let value)):
            return KQLExactValue.quoted(value.text)
        case .test(.wildcard(let pattern)):
            return pattern.source
        }
    }
}

extension KQLExactValue {
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result.append(character)
            }
        }
        return result + "\""
    }
}
