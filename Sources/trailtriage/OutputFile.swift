import Foundation
import Glibc

/// Writes a file the way case material should be written: whole or not at all, readable by
/// its owner only from the first byte, never over an existing file unless asked, and never
/// over anything but a regular file.
///
/// The text goes to a temporary file beside the target, created with `O_EXCL` and mode 0600.
/// Without `overwrite` it is published with `link()`, which fails when the target exists (a
/// dangling symlink included), so of two writers racing to one new path exactly one wins.
/// With `overwrite` it is renamed over the target, but only when that is a regular file, a
/// symlink (the link is replaced, never followed) or nothing.
enum OutputFile {
    enum Failure: Error, CustomStringConvertible {
        /// The file exists and replacing it was not asked for.
        case exists(path: String)
        /// The target is a device, FIFO, directory or socket: never replaced.
        case notRegularFile(path: String, kind: String)
        case cannotWrite(path: String, reason: String)

        var description: String {
            switch self {
            case .exists(let path): "\(path) already exists; pass --force to replace it"
            case .notRegularFile(let path, let kind):
                "\(path) is a \(kind), not a regular file; it is never replaced, even with --force"
            case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
            }
        }
    }

    static func write(_ text: String, to path: String, overwrite: Bool) throws {
        try write(Array(text.utf8), to: path, overwrite: overwrite)
    }

    static func write(_ bytes: [UInt8], to path: String, overwrite: Bool) throws {
        if let kind = try existingKind(at: path) {
            guard kind == .regularFile || kind == .symbolicLink else {
                throw Failure.notRegularFile(path: path, kind: kind.description)
            }
            guard overwrite else { throw Failure.exists(path: path) }
        }
        let temporary = try createTemporary(beside: path)
        do {
            defer { close(temporary.descriptor) }
            try writeAll(bytes, to: temporary.descriptor, path: path)
            // On disk before it gets the real name, so a crash leaves the old file or the new one.
            guard fsync(temporary.descriptor) == 0 else { throw Failure.cannotWrite(path: path, reason: errorText()) }
        } catch {
            unlink(temporary.path)
            throw error
        }
        try publish(temporary.path, at: path, overwrite: overwrite)
    }

    /// Creates an empty file beside `path` that only its owner can read or write, under a fresh
    /// random name; returns its descriptor (open for writing) and path.
    static func createTemporary(beside path: String) throws -> (descriptor: Int32, path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let prefix = (directory.isEmpty ? "." : directory) + "/.\(name)."
        for _ in 0..<16 {
            let candidate = prefix + String(UInt64.random(in: 0...UInt64.max), radix: 36) + ".tmp"
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor >= 0 { return (descriptor, candidate) }
            guard errno == EEXIST else { break }
        }
        throw Failure.cannotWrite(path: path, reason: errorText())
    }

    /// Gives the finished temporary file its real name; the temporary name is gone afterwards,
    /// whether or not that worked.
    private static func publish(_ temporary: String, at path: String, overwrite: Bool) throws {
        if !overwrite {
            let linked = link(temporary, path) == 0
            let code = errno
            unlink(temporary)
            guard linked else {
                if code == EEXIST { throw Failure.exists(path: path) }
                throw Failure.cannotWrite(path: path, reason: errorText(code))
            }
            return
        }
        do {
            // Checked again right before the rename: the target may have changed since the start.
            if let kind = try existingKind(at: path), kind != .regularFile, kind != .symbolicLink {
                throw Failure.notRegularFile(path: path, kind: kind.description)
            }
            guard rename(temporary, path) == 0 else { throw Failure.cannotWrite(path: path, reason: errorText()) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure.cannotWrite(path: path, reason: errorText())
            }
            written += count
        }
    }

    /// What is at `path` without following a final symlink; `nil` when nothing is.
    private static func existingKind(at path: String) throws -> EntryKind? {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT { return nil }
            throw Failure.cannotWrite(path: path, reason: errorText(code))
        }
        return EntryKind(mode: info.st_mode)
    }

    private static func errorText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }
}

extension OutputFile {
    /// The type of a directory entry, as `lstat` reports it.
    enum EntryKind: Equatable, CustomStringConvertible {
        case regularFile, symbolicLink, directory, characterDevice, blockDevice, fifo, socket, other

        init(mode: mode_t) {
            switch mode & S_IFMT {
            case S_IFREG: self = .regularFile
            case S_IFLNK: self = .symbolicLink
            case S_IFDIR: self = .directory
            case S_IFCHR: self = .characterDevice
            case S_IFBLK: self = .blockDevice
            case S_IFIFO: self = .fifo
            case S_IFSOCK: self = .socket
            default: self = .other
            }
        }

        var description: String {
            switch self {
            case .regularFile: "regular file"
            case .symbolicLink: "symbolic link"
            case .directory: "directory"
            case .characterDevice: "character device"
            case .blockDevice: "block device"
            case .fifo: "FIFO"
            case .socket: "socket"
            case .other: "special file"
            }
        }
    }
}
