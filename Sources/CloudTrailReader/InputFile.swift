/// One input to read: a file on disk or standard input.
public struct InputFile: Sendable, Hashable {
    /// The path as discovered, or `-` for standard input.
    public var path: String

    public init(path: String) {
        self.path = path
    }

    /// Whether this input is standard input.
    public var isStandardInput: Bool { path == "-" }

    /// The file's name without its directory.
    public var name: Substring {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return Substring(path) }
        return path[path.utf8.index(after: slash)...]
    }

    /// Whether the name says this is a log file we read: `.json`, `.ndjson`, `.jsonl`, gzipped or not,
    /// or a bare `.gz`.
    public var hasLogFileExtension: Bool {
        [".json", ".ndjson", ".jsonl", ".gz"].contains { Self.hasSuffixIgnoringASCIICase(path, $0) }
    }

    /// Whether the name says line-delimited JSON.
    public var isLineDelimitedByName: Bool {
        [".ndjson", ".jsonl", ".ndjson.gz", ".jsonl.gz"].contains { Self.hasSuffixIgnoringASCIICase(path, $0) }
    }

    /// CloudTrail writes digest files under `CloudTrail-Digest/` with `_CloudTrail-Digest_` in
    /// their names; they carry hashes, not events.
    public var isDigestByName: Bool {
        Self.containsBytes(path, "/CloudTrail-Digest/") || Self.containsBytes(name, "_CloudTrail-Digest_")
    }

    // Names are matched on their UTF-8 bytes, for speed (discovery checks every file of a tree
    // before any is read) and so that a match followed by a combining mark still counts, as a
    // scalar-by-scalar search would find it; Character comparison would not.

    /// Whether `text` ends with the ASCII `suffix`, ASCII letters compared without case.
    static func hasSuffixIgnoringASCIICase(_ text: some StringProtocol, _ suffix: StaticString) -> Bool {
        let bytes = text.utf8
        guard bytes.count >= suffix.utf8CodeUnitCount else { return false }
        let tail = bytes.suffix(suffix.utf8CodeUnitCount)
        return suffix.withUTF8Buffer { expected in
            zip(tail, expected).allSatisfy { actual, wanted in Self.lowercasedASCII(actual) == wanted }
        }
    }

    /// Whether `text`'s UTF-8 holds the ASCII `marker`'s bytes.
    static func containsBytes(_ text: some StringProtocol, _ marker: StaticString) -> Bool {
        let bytes = Array(text.utf8)
        return marker.withUTF8Buffer { marker in
            guard bytes.count >= marker.count else { return false }
            return (0...(bytes.count - marker.count)).contains { start in
                bytes[start] == marker[0] && bytes[start..<(start + marker.count)].elementsEqual(marker)
            }
        }
    }

    private static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}
