import Foundation

/// Paths of the checkout, its fixtures and assets, and of the shared corpus next to it.
public enum RepositoryPaths {
    /// Resolving symlinks lets the tests run from a package that links these folders in.
    public static let root: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().standardizedFileURL.path
    }()

    public static let fixtures = root + "/Tests/Fixtures"
    public static let bundledRules = root + "/Assets/rules"
    public static let recordedCorpus = root + "/../shared/corpus/recorded"
    public static let pipelineCorpus = root + "/../shared/corpus/elastic-cloudtrail-pipeline"
    /// Elastic's AWS rules (Elastic License 2.0): read by tests, never copied into the tree.
    public static let upstreamRules = root + "/../shared/corpus/elastic-detection-rules-aws"

    /// `../shared` exists on developer machines and CI, not in a user's clone; tests that need
    /// it are skipped with a message when it is absent.
    public static var hasRecordedCorpus: Bool { FileManager.default.fileExists(atPath: recordedCorpus) }
    public static var hasPipelineCorpus: Bool { FileManager.default.fileExists(atPath: pipelineCorpus) }
    public static var hasUpstreamRules: Bool { FileManager.default.fileExists(atPath: upstreamRules) }
}
