import TestSupport
import Testing

@testable import CloudTrailReader

@Suite struct InputDiscoveryTests {
    @Test func walksTheS3LayoutInSortedOrderAndReportsOtherFiles() throws {
        let directory = try ScratchDirectory()
        let day = "AWSLogs/111122223333/CloudTrail/us-east-1/2026/01/02/"
        try directory.write(day + "b.json.gz", [0x1F, 0x8B])
        try directory.write(day + "a.json.gz", [0x1F, 0x8B])
        try directory.write("AWSLogs/111122223333/CloudTrail/eu-west-1/2026/01/01/c.json", "{}")
        try directory.write("AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/01/02/d.json.gz", [0x1F, 0x8B])
        try directory.write("notes.txt", "hello")
        try directory.write("extra/events.ndjson", "")

        let result = InputDiscovery.discover([directory.path, directory.path + "/missing"])
        let relative = result.files.map { String($0.path.dropFirst(directory.path.count + 1)) }
        #expect(
            relative == [
                "AWSLogs/111122223333/CloudTrail/eu-west-1/2026/01/01/c.json",
                "AWSLogs/111122223333/CloudTrail/us-east-1/2026/01/02/a.json.gz",
                "AWSLogs/111122223333/CloudTrail/us-east-1/2026/01/02/b.json.gz",
                "extra/events.ndjson",
            ])
        #expect(result.issues.count == 3)
        #expect(result.issues.contains { $0.kind == .skippedFile && $0.reason.contains("digest") })
        #expect(result.issues.contains { $0.kind == .skippedFile && $0.file.hasSuffix("notes.txt") })
        #expect(result.issues.contains { $0.kind == .unreadableFile && $0.file.hasSuffix("missing") })
    }

    @Test func explicitlyNamedFilesAreReadWhateverTheirName() throws {
        let directory = try ScratchDirectory()
        let path = try directory.write("trail.log", "[]")
        #expect(InputDiscovery.discover([path, "-"]).files == [InputFile(path: path), InputFile(path: "-")])
    }
    @Test func namesAreMatchedOnTheirBytesWhateverTheCaseOfTheExtension() {
        #expect(InputFile(path: "/logs/TRAIL.JSON.GZ").hasLogFileExtension)
        #expect(InputFile(path: "/logs/a.NDJson").isLineDelimitedByName)
        #expect(!InputFile(path: "/logs/a.json.gz.txt").hasLogFileExtension)
        #expect(!InputFile(path: "/logs/a.json").isLineDelimitedByName)
        #expect(InputFile(path: "/logs/a.json").name == "a.json")
        #expect(InputFile(path: "a.json").name == "a.json")
        // A name that carries the digest marker is a digest even when a combining mark follows:
        // the marker's scalars are there (a Character comparison would miss it).
        #expect(InputFile(path: "/x/1_CloudTrail-Digest_\u{301}2.json.gz").isDigestByName)
        #expect(InputFile(path: "/AWSLogs/1/CloudTrail-Digest/us-east-1/d.json.gz").isDigestByName)
        #expect(!InputFile(path: "/AWSLogs/1/CloudTrail/us-east-1/CloudTrail-Digest.json.gz").isDigestByName)
    }
}
