import Foundation
import TestSupport

/// Locates `../shared/corpus/elastic-cloudtrail-pipeline` next to the repository.
enum SharedCorpus {
    static let pipelineFolder: URL? =
        RepositoryPaths.hasPipelineCorpus ? URL(fileURLWithPath: RepositoryPaths.pipelineCorpus) : nil

    static var isAvailable: Bool { pipelineFolder != nil }

    /// `../shared/corpus/recorded/stratus-red-team/docs/detonation-logs` (JSON arrays of records).
    static let stratusFolder: URL? = {
        guard let pipeline = pipelineFolder else { return nil }
        let folder = pipeline.deletingLastPathComponent()
            .appendingPathComponent("recorded/stratus-red-team/docs/detonation-logs")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else { return nil }
        return folder
    }()

    static var isStratusAvailable: Bool { stratusFolder != nil }
}
