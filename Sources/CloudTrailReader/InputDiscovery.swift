import Foundation
import Glibc

/// Expands the paths a user gave into the files to read.
///
/// Directories are walked recursively in sorted order, so the S3 layout
/// `AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz` is read in a stable order.
/// Inside directories only log-file names are read; everything else is reported as skipped.
/// A file named explicitly is read whatever its name.
///
/// Only regular files are read (and standard input, as `-`): a FIFO or a device is refused by
/// its type before anything opens it, since opening a FIFO blocks and a device can be endless.
/// Each directory is entered once, by its device and inode, so symbolic links that loop back
/// cannot make the walk endless.
public enum InputDiscovery {
    /// The files to read, and the paths that were skipped or could not be read.
    public struct Result: Sendable {
        public var files: [InputFile] = []
        public var issues: [ReadIssue] = []
    }

    /// A directory's identity, the same however it was reached.
    struct DirectoryIdentity: Hashable {
        var device: UInt64
        var inode: UInt64

        init(_ status: stat) {
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
        }
    }

    public static func discover(_ paths: [String]) -> Result {
        var walk = Walk()
        for path in paths {
            if path == "-" {
                walk.result.files.append(InputFile(path: "-"))
                continue
            }
            guard let status = status(of: path) else {
                walk.result.issues.append(
                    ReadIssue(kind: .unreadableFile, file: path, reason: "no such file or directory"))
                continue
            }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                walk.enter(directory: path, status: status)
            case S_IFREG:
                walk.result.files.append(InputFile(path: path))
            default:
                walk.result.issues.append(
                    ReadIssue(
                        kind: .unreadableFile, file: path,
                        reason:
                            """
                            refused: not a regular file (\(typeName(status.st_mode))); to read a stream, pipe it \
                            to `-`
                            """
                    ))
            }
        }
        return walk.result
    }

    /// `stat(2)` of `path`, following symbolic links; `nil` when it does not resolve.
    static func status(of path: String) -> stat? {
        var status = stat()
        return stat(path, &status) == 0 ? status : nil
    }

    /// What kind of file a mode says, in words.
    static func typeName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFDIR: "a directory"
        default: "an unknown file type"
        }
    }

    /// One discovery's progress: what was found, and the directories already entered.
    private struct Walk {
        var result = Result()
        var visited: Set<DirectoryIdentity> = []
        /// The directories being walked, outermost first, to tell a loop from a second path.
        var ancestors: [DirectoryIdentity] = []

        mutating func enter(directory: String, status: stat) {
            let identity = DirectoryIdentity(status)
            guard visited.insert(identity).inserted else {
                let reason =
                    ancestors.contains(identity)
                    ? "directory loop (a link back to a folder being walked); not followed"
                    : "directory already read through another path; not read twice"
                result.issues.append(ReadIssue(kind: .skippedFile, file: directory, reason: reason))
                return
            }
            ancestors.append(identity)
            defer { ancestors.removeLast() }
            walk(directory: directory)
        }

        private mutating func walk(directory: String) {
            let entries: [String]
            do {
                entries = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
            } catch {
                result.issues.append(
                    ReadIssue(
                        kind: .unreadableFile, file: directory,
                        reason: "cannot list directory: \(error.localizedDescription)"))
                return
            }
            let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
            for entry in entries {
                let path = base + "/" + entry
                guard let status = InputDiscovery.status(of: path) else {
                    result.issues.append(
                        ReadIssue(kind: .unreadableFile, file: path, reason: "broken link or vanished file"))
                    continue
                }
                switch status.st_mode & S_IFMT {
                case S_IFDIR:
                    enter(directory: path, status: status)
                case S_IFREG:
                    add(file: InputFile(path: path))
                default:
                    result.issues.append(
                        ReadIssue(
                            kind: .skippedFile, file: path,
                            reason: "not a regular file (\(InputDiscovery.typeName(status.st_mode)))"))
                }
            }
        }

        private mutating func add(file: InputFile) {
            if file.isDigestByName {
                result.issues.append(
                    ReadIssue(
                        kind: .skippedFile, file: file.path, reason: "CloudTrail digest file (holds hashes, not events)"
                    ))
            } else if file.hasLogFileExtension {
                result.files.append(file)
            } else {
                result.issues.append(
                    ReadIssue(
                        kind: .skippedFile, file: file.path,
                        reason: "not a log file (expected .json, .ndjson, .jsonl or .gz)"))
            }
        }
    }
}
