/// How a style role looks, before it is turned into ncurses attribute bits and a colour pair.
struct TextStyle: Hashable, Sendable {
    /// Terminal attributes, independent of colour.
    struct Attributes: OptionSet, Hashable, Sendable {
        let rawValue: UInt8
        static let bold = Attributes(rawValue: 1 << 0)
        static let reverse = Attributes(rawValue: 1 << 1)
        static let dim = Attributes(rawValue: 1 << 2)
        static let underline = Attributes(rawValue: 1 << 3)
    }

    /// The eight ANSI colours every colour terminal has.
    enum Color: CaseIterable, Hashable, Sendable {
        case black, red, green, yellow, blue, magenta, cyan, white
    }

    var attributes: Attributes
    /// The foreground on the terminal's default background; `nil` keeps the default colour.
    var foreground: Color?

    init(_ attributes: Attributes = [], foreground: Color? = nil) {
        self.attributes = attributes
        self.foreground = foreground
    }
}
