import Dispatch
import Foundation

extension CloudTrailGenerator {
    /// All files in memory, uncompressed, in window order. Meant for tests and small corpora; use
    /// ``write(to:)`` or ``forEachFile(_:)`` for large ones.
    public func files() throws -> [GeneratedFile] {
        var all: [GeneratedFile] = []
        try forEachFile { all.append($0) }
        return all
    }

    /// Calls `body` with each file in window order, holding one window in memory at a time.
    public func forEachFile(_ body: (GeneratedFile) throws -> Void) throws {
        if let validationError { throw validationError }
        for window in 0..<windowCount {
            for file in files(inWindow: window) {
                try body(file)
            }
        }
    }

    /// Writes the corpus as gzip files in the S3 layout under `directory`, creating folders as
    /// needed, and returns what was written.
    ///
    /// Windows are generated, compressed and written by parallel workers, one window each; as
    /// every window's content depends only on the configuration, the files on disk are the same
    /// whatever the scheduling. Memory stays bounded by a batch of windows.
    @discardableResult
    public func write(to directory: String) throws -> GeneratorReport {
        if let validationError { throw validationError }
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw GeneratorError.cannotCreateDirectory(path: directory, reason: Self.reason(error))
        }
        guard manager.isWritableFile(atPath: directory) else {
            throw GeneratorError.cannotCreateDirectory(path: directory, reason: "the directory is not writable")
        }
        // Folders are created up front so workers never race to create the same one.
        for folder in dayFolders() {
            let path = directory + "/" + folder
            do {
                try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw GeneratorError.cannotCreateDirectory(path: path, reason: Self.reason(error))
            }
        }

        var report = GeneratorReport(plantedTruePositives: truePositives, plantedNearMisses: nearMisses)
        let batchSize = 64
        var batchStart = 0
        while batchStart < windowCount {
            let batch = batchStart..<min(batchStart + batchSize, windowCount)
            let slots = ResultSlots(count: batch.count)
            DispatchQueue.concurrentPerform(iterations: batch.count) { offset in
                slots.store(writeWindow(batch.lowerBound + offset, under: directory), at: offset)
            }
            for result in slots.take() {
                let totals = try result.get()
                report.files += totals.files
                report.events += totals.events
                report.bytesUncompressed += totals.bytesUncompressed
                report.bytesCompressed += totals.bytesCompressed
            }
            batchStart = batch.upperBound
        }
        return report
    }

    /// Generates, compresses and writes one window's files.
    private func writeWindow(_ window: Int, under directory: String) -> Result<GeneratorReport, GeneratorError> {
        var totals = GeneratorReport()
        for file in files(inWindow: window) {
            let gzip: [UInt8]
            do {
                gzip = try GzipCompressor.compress(file.json, level: configuration.compressionLevel)
            } catch {
                return .failure(error)
            }
            let path = directory + "/" + file.relativePath
            guard FileManager.default.createFile(atPath: path, contents: Data(gzip)) else {
                return .failure(.cannotWriteFile(path: path, reason: "the file could not be created"))
            }
            totals.files += 1
            totals.events += file.recordCount
            totals.bytesUncompressed += file.json.count
            totals.bytesCompressed += gzip.count
        }
        return .success(totals)
    }

    /// Every `AWSLogs/<acct>/CloudTrail/<region>/YYYY/MM/DD` folder a file can land in (the day
    /// after the range included, for the last window's stamp).
    func dayFolders() -> [String] {
        var folders: [String] = []
        for account in accounts {
            for region in configuration.regions {
                for day in 0...configuration.days {
                    let date = UTCTime.folderDate(start + Int64(day) * UTCTime.secondsPerDay)
                    folders.append("AWSLogs/\(account.id)/CloudTrail/\(region)/\(date)")
                }
            }
        }
        return folders
    }

    static func reason(_ error: Error) -> String {
        (error as NSError).localizedDescription
    }
}

/// Per-index results of a concurrent batch. Each index is written by exactly one worker; the lock
/// makes that safe to state to the compiler.
private final class ResultSlots: @unchecked Sendable {
    private var results: [Result<GeneratorReport, GeneratorError>]
    private let lock = NSLock()

    init(count: Int) {
        results = Array(repeating: .success(GeneratorReport()), count: count)
    }

    func store(_ result: Result<GeneratorReport, GeneratorError>, at index: Int) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    func take() -> [Result<GeneratorReport, GeneratorError>] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}
