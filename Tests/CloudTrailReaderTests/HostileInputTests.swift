import Foundation
import TestSupport
import Testing

@testable import CloudTrailReader

/// Inputs built to exhaust a reader: gzip bombs, endless streams, FIFOs, devices and symbolic
/// link loops. Each must cost little and be reported with its path; the rest is still read.
@Suite struct HostileInputTests {
    /// `megabytes` MiB of zeros through the system's gzip: about a thousand times smaller.
    static func writeBomb(_ path: String, megabytes: Int) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "head -c \(megabytes)M /dev/zero | gzip -1 > '\(path)'"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    static func makeFIFO(_ path: String) throws {
        try #require(mkfifo(path, 0o600) == 0, "mkfifo failed: \(String(cString: strerror(errno)))")
    }

    @Test func aGzipBombStopsAtTheRatioLimitWithoutInflatingItAll() throws {
        let directory = try ScratchDirectory()
        let bomb = directory.file("bomb.json.gz")
        try Self.writeBomb(bomb, megabytes: 64)
        let file = CloudTrailReader.read(InputFile(path: bomb))
        // The ratio is judged after the first MiB; one growth step past it at most.
        #expect(file.bytes.count < 8 << 20, "inflated \(file.bytes.count) bytes")
        let issue = try #require(file.issues.first { $0.kind == .unreadableFile })
        #expect(issue.file == bomb)
        #expect(issue.reason.contains("expands more than 100 times"))
        #expect(issue.reason.contains("--max-ratio"))
    }

    @Test func decompressedSizeIsCappedPerFile() throws {
        // Ordinary JSON compresses about 10 times: under the ratio, over a 1 MiB cap.
        let records = (0..<40_000).map { #"{"eventID":"e\#($0)","eventName":"ListUsers","n":\#($0 * 7919)}"# }
        let gzip = try SystemGzip.compress(records.joined(separator: "\n"))
        let output = GzipDecoder.decompress(gzip, limits: ReadLimits(maxFileBytes: 1 << 20))
        #expect(output.bytes.count == 1 << 20)
        #expect(output.failure?.contains("more than 1 MiB") == true)
        #expect(GzipDecoder.decompress(gzip).failure == nil)
    }

    @Test func aPlainFileOverTheCapIsRefusedBeforeReading() throws {
        let directory = try ScratchDirectory()
        let path = try directory.write("big.json", [UInt8](repeating: 0x20, count: 3 << 20))
        let file = CloudTrailReader.read(InputFile(path: path), limits: ReadLimits(maxFileBytes: 2 << 20))
        #expect(file.bytes.isEmpty)
        #expect(
            file.issues.map(\.description) == [
                "\(path): unreadable: is 3 MiB, more than the per-file limit of 2 MiB (--max-file-bytes)"
            ])
    }

    @Test(.timeLimit(.minutes(1)))
    func fifosAndDevicesInAFolderAreSkippedByTypeWithoutOpeningThem() throws {
        let directory = try ScratchDirectory()
        try directory.write("logs/a.json", #"{"Records":[]}"#)
        try Self.makeFIFO(directory.file("logs/trap.json"))
        let result = InputDiscovery.discover([directory.path + "/logs"])
        #expect(result.files == [InputFile(path: directory.file("logs/a.json"))])
        #expect(
            result.issues.map(\.description) == [
                "\(directory.file("logs/trap.json")): skipped: not a regular file (a FIFO)"
            ])
    }

    @Test(.timeLimit(.minutes(1)))
    func aFIFOOrDeviceNamedOnTheCommandLineIsRefusedButStandardInputIsNot() throws {
        let directory = try ScratchDirectory()
        let fifo = directory.file("stream.json")
        try Self.makeFIFO(fifo)
        let result = InputDiscovery.discover([fifo, "/dev/zero", "-"])
        #expect(result.files == [InputFile(path: "-")])
        #expect(result.issues.count == 2)
        #expect(result.issues.allSatisfy { $0.kind == .unreadableFile && $0.reason.contains("not a regular file") })
        #expect(result.issues.first?.reason.contains("a FIFO") == true)
        #expect(result.issues.last?.reason.contains("a character device") == true)
    }

    @Test(.timeLimit(.minutes(1)))
    func theLoaderRefusesAFIFOWithoutBlockingInOpen() throws {
        // A FIFO can replace a file between discovery and reading; open must not wait for a writer.
        let directory = try ScratchDirectory()
        let fifo = directory.file("swapped.json")
        try Self.makeFIFO(fifo)
        let file = CloudTrailReader.read(InputFile(path: fifo))
        #expect(file.issues.map(\.description) == ["\(fifo): unreadable: refused: not a regular file (a FIFO)"])
    }

    @Test(.timeLimit(.minutes(1)))
    func symbolicLinkLoopsAreReportedOnceAndNotFollowed() throws {
        let directory = try ScratchDirectory()
        try directory.write("logs/a.json", #"{"Records":[]}"#)
        try directory.write("logs/day/b.json", #"{"Records":[]}"#)
        let logs = directory.file("logs")
        // Two links to the folder itself: followed blindly, 2^depth paths until PATH_MAX.
        try FileManager.default.createSymbolicLink(atPath: logs + "/l1", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: logs + "/l2", withDestinationPath: ".")
        // A second way into a folder already read is not a loop, but is not read twice either.
        try FileManager.default.createSymbolicLink(atPath: logs + "/today", withDestinationPath: "day")
        let result = InputDiscovery.discover([logs])
        #expect(result.files.map(\.path) == [logs + "/a.json", logs + "/day/b.json"])
        #expect(
            result.issues.map(\.description) == [
                "\(logs)/l1: skipped: directory loop (a link back to a folder being walked); not followed",
                "\(logs)/l2: skipped: directory loop (a link back to a folder being walked); not followed",
                "\(logs)/today: skipped: directory already read through another path; not read twice",
            ])
    }
}
