import TestSupport

/// The paths these tests use, named for what they hold.
enum TestPaths {
    static let fixtures = RepositoryPaths.fixtures
    static let bundledRules = RepositoryPaths.bundledRules
    static let recordedCorpus = RepositoryPaths.recordedCorpus
    static let pipelineCorpus = RepositoryPaths.pipelineCorpus
    static var hasRecordedCorpus: Bool { RepositoryPaths.hasRecordedCorpus }
    static var hasPipelineCorpus: Bool { RepositoryPaths.hasPipelineCorpus }
}
