/// One line of the raw record view: the text shown, and the value `y` copies from it.
public struct RawRecordLine: Sendable, Hashable {
    public var text: String
    /// The line's scalar value as the record holds it (a string without its quotes, a number,
    /// `true`, `null`); `nil` for headings and for lines that open or close an object or array.
    public var value: String?

    public init(_ text: String, value: String? = nil) {
        self.text = text
        self.value = value
    }
}
