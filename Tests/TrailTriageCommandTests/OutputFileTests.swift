import Foundation
import TestSupport
import Testing

@testable import trailtriage

/// `-o FILE` (scan, export, and exports from the console) writes whole files readable by their
/// owner only, never replaces anything but a regular file, and never replaces an existing
/// name, a dangling symlink included, without `--force`.
@Suite struct OutputFileTests {
    static let fixtures = "Tests/Fixtures/seed-rules"

    /// The kind of what is at `path`, without following a symlink.
    static func kind(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    /// Runs `scan -o target` (with `--force` when asked) and checks that it refused, leaving
    /// `target` as it was.
    static func expectRefused(_ target: String, force: Bool, saying message: String) throws {
        let before = kind(target)
        let outcome = try CommandRunner.run(["scan", fixtures, "-o", target] + (force ? ["--force"] : []))
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
        #expect(kind(target) == before)
    }

    static let neverReplaced = "not a regular file; it is never replaced, even with --force"

    @Test func aFIFOIsNeverReplaced() throws {
        let scratch = try ScratchDirectory()
        let fifo = scratch.file("pipe")
        try #require(mkfifo(fifo, 0o600) == 0)
        for force in [false, true] {
            try Self.expectRefused(fifo, force: force, saying: "\(fifo) is a FIFO, " + Self.neverReplaced)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["pipe"])
    }

    /// Whether this process may make device nodes (root, outside a restricted container).
    static let canMakeDevices: Bool = {
        guard let scratch = try? ScratchDirectory() else { return false }
        return mknod(scratch.file("probe"), S_IFCHR | 0o600, nullDevice) == 0
    }()

    /// Major 1, minor 3: what `/dev/null` is, made in a scratch directory.
    static let nullDevice = dev_t(1 << 8 | 3)

    @Test(.enabled(if: canMakeDevices, "cannot make device nodes here (not root?): character-device case skipped"))
    func aCharacterDeviceIsNeverReplaced() throws {
        let scratch = try ScratchDirectory()
        let device = scratch.file("null")
        try #require(mknod(device, S_IFCHR | 0o600, Self.nullDevice) == 0)
        for force in [false, true] {
            try Self.expectRefused(
                device, force: force, saying: "\(device) is a character device, " + Self.neverReplaced)
        }
    }

    @Test func aSocketIsNeverReplaced() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("sock")
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        try #require(bound == 0)
        try Self.expectRefused(path, force: true, saying: "\(path) is a socket, " + Self.neverReplaced)
    }

    @Test func aDirectoryIsNeverReplaced() throws {
        let scratch = try ScratchDirectory()
        let directory = scratch.file("out")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        try Self.expectRefused(directory, force: true, saying: "\(directory) is a directory, " + Self.neverReplaced)
    }

    @Test func aDanglingSymlinkCountsAsExisting() throws {
        let scratch = try ScratchDirectory()
        let link = scratch.file("alerts.ndjson")
        let nowhere = scratch.file("nowhere")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: nowhere)
        try Self.expectRefused(link, force: false, saying: "\(link) already exists; pass --force to replace it")
        #expect(!FileManager.default.fileExists(atPath: nowhere))

        // Forced, the link itself is replaced; what it pointed at is never created or written.
        let forced = try CommandRunner.run(["scan", Self.fixtures, "-o", link, "--force"])
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(Self.kind(link) == S_IFREG)
        #expect(!FileManager.default.fileExists(atPath: nowhere))

        // The same for a link to a FIFO: the link goes, the FIFO stays.
        let fifo = scratch.file("pipe")
        try #require(mkfifo(fifo, 0o600) == 0)
        let toFIFO = scratch.file("to-pipe")
        try FileManager.default.createSymbolicLink(atPath: toFIFO, withDestinationPath: fifo)
        let overLink = try CommandRunner.run(["scan", Self.fixtures, "-o", toFIFO, "--force"])
        #expect(overLink.status == 0, "\(overLink.standardError)")
        #expect(Self.kind(toFIFO) == S_IFREG)
        #expect(Self.kind(fifo) == S_IFIFO)
    }

    @Test func concurrentWritersToOneNewPathHaveExactlyOneWinner() throws {
        let scratch = try ScratchDirectory()
        let writers = 8
        for round in 0..<25 {
            let path = scratch.file("case-\(round).md")
            let outcomes = OutcomeLog()
            DispatchQueue.concurrentPerform(iterations: writers) { writer in
                do {
                    try OutputFile.write("writer \(writer)\n", to: path, overwrite: false)
                    outcomes.record(winner: writer)
                } catch OutputFile.Failure.exists {
                    outcomes.recordRefusal()
                } catch {
                    outcomes.recordFailure("\(error)")
                }
            }
            let (winners, refusals, failures) = outcomes.snapshot
            #expect(winners.count == 1, "round \(round): winners \(winners)")
            #expect(refusals == writers - 1 && failures.isEmpty, "round \(round): \(failures)")
            if let winner = winners.first {
                #expect(try String(contentsOfFile: path, encoding: .utf8) == "writer \(winner)\n")
            }
        }
        // No temporary file is left behind by winners or losers.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).count == 25)
    }

    /// Thread-safe tally of what concurrent writers saw.
    final class OutcomeLog: @unchecked Sendable {
        private let lock = NSLock()
        private var winners: [Int] = []
        private var refusals = 0
        private var failures: [String] = []

        func record(winner: Int) { lock.withLock { winners.append(winner) } }
        func recordRefusal() { lock.withLock { refusals += 1 } }
        func recordFailure(_ text: String) { lock.withLock { failures.append(text) } }
        var snapshot: ([Int], Int, [String]) { lock.withLock { (winners, refusals, failures) } }
    }

    @Test func contentIsNeverInAFileOthersCanRead() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("big.ndjson")
        // Large enough that writing it takes a while, so a watcher sees every stage.
        let text = String(repeating: "{\"secret\":\"case material\"}\n", count: 400_000)
        let done = DoneFlag()
        let exposed = OutcomeLog()
        let directory = scratch.path
        let finished = DispatchSemaphore(value: 0)
        let watcher = Thread {
            defer { finished.signal() }
            while !done.isSet {
                for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
                    var info = stat()
                    guard lstat(directory + "/" + name, &info) == 0, info.st_size > 0 else { continue }
                    if info.st_mode & 0o077 != 0 {
                        exposed.recordFailure("\(name) mode \(String(info.st_mode & 0o777, radix: 8))")
                    }
                }
            }
        }
        watcher.start()
        try OutputFile.write(text, to: path, overwrite: false)
        // Replaced whole with --force, under the same watch.
        try OutputFile.write(text + "tail\n", to: path, overwrite: true)
        done.set()
        finished.wait()
        #expect(exposed.snapshot.2.isEmpty, "\(Set(exposed.snapshot.2))")
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("}\ntail\n"))
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["big.ndjson"])
    }

    @Test func temporaryFilesStartPrivateAndUnique() throws {
        let scratch = try ScratchDirectory()
        let target = scratch.file("case.md")
        let first = try OutputFile.createTemporary(beside: target)
        let second = try OutputFile.createTemporary(beside: target)
        defer {
            close(first.descriptor)
            close(second.descriptor)
            unlink(first.path)
            unlink(second.path)
        }
        #expect(first.path != second.path)
        for temporary in [first, second] {
            var info = stat()
            #expect(fstat(temporary.descriptor, &info) == 0)
            #expect(info.st_mode & 0o077 == 0)
            #expect(info.st_size == 0)
            #expect((temporary.path as NSString).deletingLastPathComponent == scratch.path)
        }
    }

    /// A flag one thread sets and another polls.
    final class DoneFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.withLock { value = true } }
        var isSet: Bool { lock.withLock { value } }
    }
}
