/// One record's bytes inside a decoded file.
public struct RecordSpan: Sendable, Hashable {
    /// The record's byte range in the decompressed file.
    public var range: Range<Int>
    public var location: RecordLocation
    /// What framing noticed about the record's top-level `eventSource` and `eventName`, so a
    /// scan can drop records no rule can match without a second pass over their bytes.
    public var keyFields: RecordKeyFields

    public init(range: Range<Int>, location: RecordLocation, keyFields: RecordKeyFields = .unknown) {
        self.range = range
        self.location = location
        self.keyFields = keyFields
    }
}
