import Foundation

/// Locates `../shared/corpus/elastic-cloudtrail-pipeline` next to the repository.
///
/// The repository root is three levels above this file. The test target may be compiled through
/// a symlinked package (a private build directory pointing at the repository's folders), so the
/// symlink-resolved location is tried as well.
enum SharedCorpus {
    static let pipelineFolder: URL? = {
        let file = URL(fileURLWithPath: #filePath)
        let candidates = [file, file.resolvingSymlinksInPath()].map { url in
            url.deletingLastPathComponent()  // Tests/ECSMappingTests
                .deletingLastPathComponent()  // Tests
                .deletingLastPathComponent()  // repository root
                .appendingPathComponent("../shared/corpus/elastic-cloudtrail-pipeline")
                .standardizedFileURL
        }
        let directoryCandidates = [file.deletingLastPathComponent().resolvingSymlinksInPath()].map { url in
            url.deletingLastPathComponent()
                .deletingLastPathComponent()
                .appendingPathComponent("../shared/corpus/elastic-cloudtrail-pipeline")
                .standardizedFileURL
        }
        for candidate in candidates + directoryCandidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
               isDirectory.boolValue {
                return candidate
            }
        }
        return nil
    }()

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
