import Foundation

/// Paths of the checkout and of the shared corpus next to it.
enum TestPaths {
    static let repositoryRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }()

    static let fixtures = repositoryRoot + "/Tests/Fixtures"
    static let bundledRules = repositoryRoot + "/Assets/rules"
    static let recordedCorpus = repositoryRoot + "/../shared/corpus/recorded"
    static let pipelineCorpus = repositoryRoot + "/../shared/corpus/elastic-cloudtrail-pipeline"

    static var hasPipelineCorpus: Bool {
        FileManager.default.fileExists(atPath: pipelineCorpus)
    }

    /// `../shared` exists on developer machines and CI, not in a user's clone.
    static var hasRecordedCorpus: Bool {
        FileManager.default.fileExists(atPath: recordedCorpus)
    }
}

/// A scratch directory removed when the test that made it ends.
final class ScratchDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "trailtriage-engine-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    @discardableResult
    func write(_ relativePath: String, _ bytes: [UInt8]) throws -> String {
        let full = path + "/" + relativePath
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> String {
        try write(relativePath, Array(text.utf8))
    }
}
