/// A decompressed input split into records, with everything that went wrong along the way.
public struct FramedFile: Sendable {
    public var input: InputFile
    /// The decompressed content; `records` index into it.
    public var bytes: [UInt8]
    public var compressedSize: Int
    /// `nil` when the file was skipped before framing.
    public var format: InputFormat?
    public var records: [RecordSpan]
    public var issues: [ReadIssue]

    /// Whether the file was left out entirely (digest, not CloudTrail, unreadable).
    public var wasSkipped: Bool { format == nil }
}
