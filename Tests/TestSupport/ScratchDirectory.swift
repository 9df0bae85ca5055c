import Foundation

/// A fresh directory under the system temporary directory, removed when the last reference goes.
public final class ScratchDirectory {
    public let path: String

    public init() throws {
        path = NSTemporaryDirectory() + "trailtriage-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The full path of `relativePath` inside the directory.
    public func file(_ relativePath: String) -> String {
        path + "/" + relativePath
    }

    /// Writes `bytes` to `relativePath`, creating folders on the way; returns the full path.
    @discardableResult
    public func write(_ relativePath: String, _ bytes: [UInt8]) throws -> String {
        let full = file(relativePath)
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    /// Writes `text` as UTF-8 to `relativePath`; returns the full path.
    @discardableResult
    public func write(_ relativePath: String, _ text: String) throws -> String {
        try write(relativePath, Array(text.utf8))
    }
}
