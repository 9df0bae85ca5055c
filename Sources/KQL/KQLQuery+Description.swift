extension KQLQuery: CustomStringConvertible {
    /// A normalised rendering of the parsed query, for diagnostics.
    ///
    /// Every compound operand is parenthesised, so the rendering shows how precedence was applied:
    /// `a: 1 or b: 2 and c: 3` renders as `a: "1" or (b: "2" and c: "3")`. Exact values are
    /// always quoted; wildcard values and field names are written unquoted, escaped so that the
    /// rendering parses back to the same query.
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
            return KQLUnquotedLiteral.source(segments: [name]) + ": " + values.kqlDescription
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
    /// `text` as a KQL quoted string that parses back to exactly `text`.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default:
                if let escaped = escapedScalar(scalar) {
                    result += escaped
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
