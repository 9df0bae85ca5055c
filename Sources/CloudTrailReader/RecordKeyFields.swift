/// Where a record's top-level `eventSource` and `eventName` string values sit in the file.
///
/// Only plain strings are located: a value with escapes, a non-string value or an escaped key
/// makes the fields unknown, and an unknown field never lets a scan exclude the record. That way
/// a crafted record (say `"eventName":"Create\\u0055ser"`) always reaches the full parser.
public struct RecordKeyFields: Sendable, Hashable {
    /// Whether the record's top level was read; when `false`, nothing is known.
    public var isKnown: Bool
    /// The bytes between the quotes of `eventSource`, when it is a plain string.
    public var eventSource: Range<Int>?
    /// The bytes between the quotes of `eventName`, when it is a plain string.
    public var eventName: Range<Int>?

    public init(isKnown: Bool, eventSource: Range<Int>? = nil, eventName: Range<Int>? = nil) {
        self.isKnown = isKnown
        self.eventSource = eventSource
        self.eventName = eventName
    }

    /// Nothing is known about the record.
    public static let unknown = RecordKeyFields(isKnown: false)
}
