/// Reads one input and splits it into CloudTrail records without parsing them.
///
/// Framing only finds where each record starts and ends. Parsing a record into a tree is
/// left to the caller, which can first look at a few fields and drop records no rule can
/// match: that keeps a scan close to the cost of decompression.
public enum CloudTrailReader {
    /// Loads, decompresses and frames `input`. Never throws: every problem becomes a
    /// ``ReadIssue`` and the records before it are kept. `limits` bound what one input may cost.
    public static func read(_ input: InputFile, limits: ReadLimits = ReadLimits()) -> FramedFile {
        let loaded: FileLoader.Loaded
        do {
            loaded = try FileLoader.load(input, limits: limits)
        } catch {
            return FramedFile(
                input: input, bytes: [], compressedSize: 0, format: nil, records: [],
                issues: [ReadIssue(kind: .unreadableFile, file: input.path, reason: error.reason)]
            )
        }
        var framed = frame(loaded.bytes, input: input)
        framed.compressedSize = loaded.compressedSize
        if let failure = loaded.failure {
            let kept = framed.records.count
            framed.issues.insert(
                ReadIssue(
                    kind: .unreadableFile, file: input.path,
                    reason: "\(failure); \(kept) complete record\(kept == 1 ? "" : "s") before it were kept"),
                at: 0
            )
        }
        return framed
    }

    /// Frames already-decompressed bytes.
    public static func frame(_ bytes: [UInt8], input: InputFile) -> FramedFile {
        var framer = RecordFramer(input: input)
        bytes.withUnsafeBufferPointer { framer.frame($0) }
        return FramedFile(
            input: input, bytes: bytes, compressedSize: bytes.count, format: framer.format,
            records: framer.records, issues: framer.issues
        )
    }
}
