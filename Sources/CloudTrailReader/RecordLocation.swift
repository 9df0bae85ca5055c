/// Where a record came from, precise enough for an analyst to find it again.
public struct RecordLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file path as given or discovered, or `-` for standard input.
    public var file: String
    /// 0-based position of the record in its file (array element or NDJSON value).
    public var index: Int
    /// 1-based line number, for line-oriented input.
    public var line: Int?
    /// Byte offset of the record's first byte in the decompressed file.
    public var byteOffset: Int

    public init(file: String, index: Int, line: Int? = nil, byteOffset: Int) {
        self.file = file
        self.index = index
        self.line = line
        self.byteOffset = byteOffset
    }

    public var description: String {
        if let line {
            return "\(file): line \(line)"
        }
        return "\(file): record \(index) (byte \(byteOffset))"
    }
}
