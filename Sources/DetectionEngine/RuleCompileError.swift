import DetectionRules
import KQL

/// A rule whose query does not parse, located in its rule file.
public struct RuleCompileError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var ruleName: String
    public var line: Int?
    public var column: Int?
    public var message: String
    /// The offending query line with a caret under the error, when known.
    public var diagram: String?

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        text += ": rule \"\(ruleName)\": \(message)"
        if let diagram { text += "\n" + diagram }
        return text
    }

    /// Places a KQL syntax error, whose position is relative to the query text, in the rule file.
    init(rule: DetectionRule, syntaxError: KQLSyntaxError) {
        file = rule.sourcePath
        ruleName = rule.name
        message = "query syntax error: " + syntaxError.message
        diagram = rule.query.map { syntaxError.caretDiagram(in: $0) }
        let position = rule.filePosition(
            ofQueryPosition: SourcePosition(line: syntaxError.line, column: syntaxError.column))
        line = position?.line
        column = position?.column
    }

    /// Places a syntax error of another query language (EQL, ES|QL), given by its position in
    /// the query text, in the rule file.
    init(
        rule: DetectionRule, language: String, message: String, line: Int, column: Int, diagram: String
    ) {
        file = rule.sourcePath
        ruleName = rule.name
        self.message = "\(language) query syntax error: " + message
        self.diagram = diagram
        let position = rule.filePosition(ofQueryPosition: SourcePosition(line: line, column: column))
        self.line = position?.line
        self.column = position?.column
    }

    init(rule: DetectionRule, message: String) {
        file = rule.sourcePath
        ruleName = rule.name
        self.message = message
    }
}
