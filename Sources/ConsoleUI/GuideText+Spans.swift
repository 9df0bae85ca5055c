import DetectionRules
import TerminalGrid

extension GuideText {
    /// The text as console spans: fields and code in their styles, bold and italic as emphasis,
    /// all of it untrusted (rule files are input), so hidden characters show escaped.
    func spans(base: StyleRole = .normal) -> [Span] {
        runs.map { run in Span.untrusted(run.text, Self.role(for: run.style, base: base)) }
    }

    static func role(for style: Style, base: StyleRole) -> StyleRole {
        if style.contains(.field) { return .field }
        if style.contains(.code) || style.contains(.address) { return .code }
        if style.contains(.strong) || style.contains(.emphasis) || style.contains(.link) { return .emphasis }
        return base
    }
}
