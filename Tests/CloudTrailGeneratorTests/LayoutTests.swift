import Foundation
import TestSupport
import Testing

@testable import CloudTrailGenerator

@Suite struct LayoutTests {
    @Test func pathsFollowTheS3Layout() throws {
        let files = try smallCorpus.get()
        #expect(!files.isEmpty)
        let pattern = try Regex(
            #"""
            ^AWSLogs/(\d{12})/CloudTrail/([a-z0-9-]+)/(\d{4})/(\d{2})/(\d{2})/\#
            (\d{12})_CloudTrail_([a-z0-9-]+)_(\d{4})(\d{2})(\d{2})T\d{4}Z_[A-Za-z0-9]{16}\.json\.gz$
            """#
        )
        for file in files {
            let match = try #require(try pattern.wholeMatch(in: file.relativePath), "\(file.relativePath)")
            let parts = match.output.map { $0.substring.map(String.init) ?? "" }
            #expect(parts[1] == file.accountID && parts[6] == file.accountID)
            #expect(parts[2] == file.region && parts[7] == file.region)
            #expect(
                parts[3] == parts[8] && parts[4] == parts[9] && parts[5] == parts[10], "folder date matches the stamp")
            #expect(smallConfiguration.regions.contains(file.region))
        }
        #expect(Set(files.map(\.relativePath)).count == files.count)
        #expect(Set(files.map(\.accountID)).count == smallConfiguration.accounts)
    }

    @Test func filesRespectTheRecordLimit() throws {
        var configuration = smallConfiguration
        configuration.days = 1
        configuration.accounts = 1
        configuration.regions = ["us-east-1"]
        configuration.recordsPerFile = 7
        let files = try CloudTrailGenerator(configuration: configuration).files()
        #expect(files.allSatisfy { $0.recordCount <= 7 && $0.recordCount > 0 })
        #expect(files.reduce(0) { $0 + $1.recordCount } == configuration.events)
    }

    @Test func writtenFilesAreValidGzipOfTheSameJSON() throws {
        var configuration = smallConfiguration
        configuration.events = 2_000
        let generator = CloudTrailGenerator(configuration: configuration)
        let scratch = try ScratchDirectory()
        let directory = scratch.path
        let report = try generator.write(to: directory)
        let files = try generator.files()
        #expect(report.files == files.count)
        #expect(report.events == 2_000)
        #expect(report.bytesUncompressed == files.reduce(0) { $0 + $1.json.count })
        var compressed = 0
        for file in files {
            let data = try #require(FileManager.default.contents(atPath: directory + "/" + file.relativePath))
            compressed += data.count
            #expect(Array(data.prefix(2)) == [0x1F, 0x8B])
            #expect(try gunzip(Array(data)) == file.json)
        }
        #expect(report.bytesCompressed == compressed)
        // Files of this tiny corpus hold a few records each; big files compress far better.
        #expect(report.compressionRatio > 2)
    }

    @Test func compressionLevelChangesOutputButNotContent() throws {
        let json = Array(#"{"Records":[{"eventName":"GetObject"},{"eventName":"GetObject"}]}"#.utf8)
        let stored = try GzipCompressor.compress(json, level: 0)
        let best = try GzipCompressor.compress(json, level: 9)
        #expect(stored != best)
        #expect(try gunzip(stored) == json)
        #expect(try gunzip(best) == json)
    }

    @Test func unwritableOutputIsAClearError() throws {
        let scratch = try ScratchDirectory()
        let blocker = scratch.file("blocked")
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8)))
        var configuration = smallConfiguration
        configuration.events = 10
        #expect(throws: GeneratorError.self) {
            try CloudTrailGenerator(configuration: configuration).write(to: blocker + "/out")
        }
    }

    @Test func invalidConfigurationsAreRejected() {
        var configuration = smallConfiguration
        configuration.startDate = "2026-13-01"
        #expect(throws: GeneratorError.self) { try CloudTrailGenerator(configuration: configuration).files() }
        configuration = smallConfiguration
        configuration.regions = []
        #expect(throws: GeneratorError.self) { try CloudTrailGenerator(configuration: configuration).files() }
        configuration = smallConfiguration
        configuration.compressionLevel = 11
        #expect(throws: GeneratorError.self) { try CloudTrailGenerator(configuration: configuration).files() }
    }

    @Test func calendarFormatting() {
        let time = UTCTime.parseDate("2026-03-24").map { $0 + 21 * 3600 + 11 * 60 + 59 }
        #expect(time.map(UTCTime.javaStyle) == "Mar 24, 2026 9:11:59 PM")
        #expect(time.map(UTCTime.iso8601) == "2026-03-24T21:11:59Z")
        #expect(time.map(UTCTime.fileStamp) == "20260324T2111Z")
        #expect(UTCTime.parseDate("2024-02-29") != nil)
        #expect(UTCTime.parseDate("2026-02-29") == nil)
        #expect(UTCTime.parseDate("1970-01-01") == 0)
        #expect(UTCTime.weekday(0) == 3)
    }
}
