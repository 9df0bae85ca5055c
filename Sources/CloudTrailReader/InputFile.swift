// Foundation for its `contains`, which finds text scalar by scalar; the standard library's
// compares Characters and misses a match followed by a combining mark.
import Foundation

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
        path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path)
    }

    /// Whether the name says this is a log file we read: `.json`, `.ndjson`, `.jsonl`, gzipped or not,
    /// or a bare `.gz`.
    public var hasLogFileExtension: Bool {
        let lowered = name.lowercased()
        for suffix in [".json", ".ndjson", ".jsonl", ".gz"] where lowered.hasSuffix(suffix) {
            return true
        }
        return false
    }

    /// Whether the name says line-delimited JSON.
    public var isLineDelimitedByName: Bool {
        let lowered = name.lowercased()
        return [".ndjson", ".jsonl", ".ndjson.gz", ".jsonl.gz"].contains { lowered.hasSuffix($0) }
    }

    /// CloudTrail writes digest files under `CloudTrail-Digest/` with `_CloudTrail-Digest_` in
    /// their names; they carry hashes, not events.
    public var isDigestByName: Bool {
        path.contains("/CloudTrail-Digest/") || name.contains("_CloudTrail-Digest_")
    }
}
