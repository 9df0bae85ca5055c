import Foundation

/// Writes a file the way case material should be written: whole or not at all, readable by
/// its owner only, and never over an existing file unless asked.
enum OutputFile {
    enum Failure: Error, CustomStringConvertible {
        /// The file exists and replacing it was not asked for.
        case exists(path: String)
        case cannotWrite(path: String, reason: String)

        var description: String {
            switch self {
            case .exists(let path): "\(path) already exists; pass --force to replace it"
            case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
            }
        }
    }

    static func write(_ text: String, to path: String, overwrite: Bool) throws {
        try write(Data(text.utf8), to: path, overwrite: overwrite)
    }

    static func write(_ bytes: [UInt8], to path: String, overwrite: Bool) throws {
        try write(Data(bytes), to: path, overwrite: overwrite)
    }

    private static func write(_ contents: Data, to path: String, overwrite: Bool) throws {
        if !overwrite && FileManager.default.fileExists(atPath: path) {
            throw Failure.exists(path: path)
        }
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        let created = FileManager.default.createFile(
            atPath: temporary, contents: contents, attributes: [.posixPermissions: 0o600])
        guard created else {
            throw Failure.cannotWrite(path: path, reason: "the directory is missing or not writable")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw Failure.cannotWrite(path: path, reason: reason)
        }
    }
}
