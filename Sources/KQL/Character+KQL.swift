extension Character {
    /// KQL's whitespace: space, tab, carriage return and line feed (and CR LF, one `Character`).
    var isKQLWhitespace: Bool {
        self == " " || self == "\t" || self == "\n" || self == "\r" || self == "\r\n"
    }

    /// Whether this character ends a line; `"\r\n"` is a single `Character` in Swift.
    var isKQLLineBreak: Bool {
        self == "\n" || self == "\r\n" || self == "\r"
    }
}
