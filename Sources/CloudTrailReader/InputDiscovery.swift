import Foundation

/// Expands the paths a user gave into the files to read.
///
/// Directories are walked recursively in sorted order, so the S3 layout
/// `AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz` is read in a stable order.
/// Inside directories only log-file names are read; everything else is reported as skipped.
/// A file named explicitly is always read, whatever its name.
public enum InputDiscovery {
    /// The files to read, and the paths that were skipped or could not be read.
    public struct Result: Sendable {
        public var files: [InputFile] = []
        public var issues: [ReadIssue] = []
    }

    public static func discover(_ paths: [String]) -> Result {
        var result = Result()
        for path in paths {
            if path == "-" {
                result.files.append(InputFile(path: "-"))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.issues.append(ReadIssue(kind: .unreadableFile, file: path, reason: "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                walk(directory: path, into: &result)
            } else {
                result.files.append(InputFile(path: path))
            }
        }
        return result
    }

    private static func walk(directory: String, into result: inout Result) {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            result.issues.append(ReadIssue(kind: .unreadableFile, file: directory, reason: "cannot list directory: \(error.localizedDescription)"))
            return
        }
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        for entry in entries {
            let path = base + "/" + entry
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.issues.append(ReadIssue(kind: .unreadableFile, file: path, reason: "broken link or vanished file"))
                continue
            }
            if isDirectory.boolValue {
                walk(directory: path, into: &result)
                continue
            }
            let file = InputFile(path: path)
            if file.isDigestByName {
                result.issues.append(ReadIssue(kind: .skippedFile, file: path, reason: "CloudTrail digest file (holds hashes, not events)"))
            } else if file.hasLogFileExtension {
                result.files.append(file)
            } else {
                result.issues.append(ReadIssue(kind: .skippedFile, file: path, reason: "not a log file (expected .json, .ndjson, .jsonl or .gz)"))
            }
        }
    }
}
