import Foundation
import TestSupport
import Testing

@testable import CloudTrailGenerator

@Suite struct DeterminismTests {
    @Test func sameConfigurationGivesIdenticalFiles() throws {
        let first = try smallCorpus.get()
        let second = try CloudTrailGenerator(configuration: smallConfiguration).files()
        #expect(first.count == second.count)
        #expect(first == second)
    }

    @Test func differentSeedGivesDifferentContent() throws {
        var other = smallConfiguration
        other.seed = 43
        let first = try smallCorpus.get()
        let second = try CloudTrailGenerator(configuration: other).files()
        #expect(first.map(\.relativePath) != second.map(\.relativePath))
        #expect(first.first?.json != second.first?.json)
    }

    @Test func writtenBytesAreIdenticalAcrossRuns() throws {
        var configuration = smallConfiguration
        configuration.events = 600
        let generator = CloudTrailGenerator(configuration: configuration)
        let first = try ScratchDirectory()
        let second = try ScratchDirectory()
        let firstDirectory = first.path
        let secondDirectory = second.path
        let firstReport = try generator.write(to: firstDirectory)
        let secondReport = try generator.write(to: secondDirectory)
        #expect(firstReport == secondReport)
        for file in try generator.files() {
            let a = FileManager.default.contents(atPath: firstDirectory + "/" + file.relativePath)
            let b = FileManager.default.contents(atPath: secondDirectory + "/" + file.relativePath)
            #expect(a != nil)
            #expect(a == b)
        }
    }

    @Test func eventCountIsExact() throws {
        for events in [0, 1, 777, 2_500] {
            var configuration = smallConfiguration
            configuration.events = events
            let files = try CloudTrailGenerator(configuration: configuration).files()
            #expect(files.reduce(0) { $0 + $1.recordCount } == events)
        }
    }

    @Test func randomSourceIsStable() {
        // Pinned values: a change here silently changes every corpus ever described by a seed.
        var random = RandomSource(seed: 1)
        #expect(random.next() == 13_448_397_344_418_310_453)
        var uuidSource = RandomSource(seed: 99)
        let uuid = uuidSource.uuid()
        #expect(uuid == "8d4f2bee-2b09-4733-9444-c9a015fe6d67")
        #expect(uuid.count == 36)
        #expect(Array(uuid)[14] == "4")
        #expect(uuid.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
    }
}
