/// One record's bytes inside a decoded file.
public struct RecordSpan: Sendable, Hashable {
    /// The record's byte range in the decompressed file.
    public var range: Range<Int>
    public var location: RecordLocation

    public init(range: Range<Int>, location: RecordLocation) {
        self.range = range
        self.location = location
    }
}
