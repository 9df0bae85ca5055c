import TerminalGrid
import TrailTriageJSON

/// A run of text in one style.
struct Span: Sendable, Hashable {
    var text: String
    var style: StyleRole

    init(_ text: String, _ style: StyleRole = .normal) {
        self.text = text
        self.style = style
    }

    /// Text from a log or a note: shown in the `escaped` style when it holds characters that
    /// will be made visible, so the analyst sees that the log carried them.
    static func untrusted(_ text: String, _ style: StyleRole = .normal) -> Span {
        Span(text, TextLayout.needsEscaping(text) ? .escaped : style)
    }
}

/// One line of a pane before it is clipped to the pane's width.
struct StyledLine: Sendable, Hashable {
    var spans: [Span]
    /// When set, the whole row is filled in this style first (selection bars).
    var background: StyleRole?
    /// The detail pane's copyable value on this line, if any (see ``DetailField``).
    var field: DetailField?

    init(_ spans: [Span], background: StyleRole? = nil, field: DetailField? = nil) {
        self.spans = spans
        self.background = background
        self.field = field
    }

    init(_ text: String, _ style: StyleRole = .normal) {
        self.init([Span(text, style)])
    }

    static let blank = StyledLine([])

    /// The plain text, for tests and searches over rendered content.
    var text: String { spans.map(\.text).joined() }
}

extension ScreenBuffer {
    /// Draws `line` at (`row`, `left`) within `width` cells. Every span goes through `write`,
    /// which escapes and clips, so nothing from a log is ever placed in a cell unescaped.
    mutating func draw(_ line: StyledLine, row: Int, left: Int, width: Int) {
        guard width > 0 else { return }
        if let background = line.background {
            fill(row: row, column: left, width: width, style: background)
        }
        var column = left
        for span in line.spans {
            let room = left + width - column
            guard room > 0 else { break }
            // A selection bar wins over colours, except that escaped log text stays marked.
            let style = line.background.map { span.style == .escaped ? span.style : $0 } ?? span.style
            column += write(span.text, row: row, column: column, width: room, style: style)
        }
    }
}
